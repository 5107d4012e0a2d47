#!/usr/bin/env bash
# The status-comment step of action.yml: `nl-lint status --format markdown` for the pull request,
# posted as one comment that later pushes edit (found by its hidden marker) rather than add to.
# Inputs come from the environment (set by action.yml). It never fails the job: a token that may
# not write (a fork's pull request) gets the comment into the job summary instead, with a warning.
set -uo pipefail

nl_lint=(node "${GITHUB_ACTION_PATH:?}/bin/nl-lint.js")
read -r -a args <<< "${NL_LINT_STATUS_ARGS:-}"
marker='<!-- nl-lint-status -->'
api="${GITHUB_API_URL:-https://api.github.com}/repos/${GITHUB_REPOSITORY:?}"
pr="${NL_LINT_PR:?}"

base="origin/${NL_LINT_BASE:?}"
git fetch --no-tags --quiet origin "+refs/heads/$NL_LINT_BASE:refs/remotes/origin/$NL_LINT_BASE" || true
# Drift is read from history: a shallow checkout would leave every page's drift unknown.
if [ "$(git rev-parse --is-shallow-repository 2> /dev/null)" = "true" ]; then
  git fetch --no-tags --quiet --unshallow origin || true
fi

if ! body=$("${nl_lint[@]}" status --format markdown --changed-since "$base" "${args[@]}"); then
  echo "::warning title=nl-lint status::nl-lint status failed; no comment posted"
  exit 0
fi

call() { # method url [json-file]
  curl -sS -o "$RUNNER_TEMP_DIR/response.json" -w '%{http_code}' -X "$1" \
    -H "Authorization: Bearer ${GH_TOKEN:-}" -H "Accept: application/vnd.github+json" \
    ${3:+--data-binary "@$3"} "$2"
}
RUNNER_TEMP_DIR=$(mktemp -d)
trap 'rm -rf "$RUNNER_TEMP_DIR"' EXIT
printf '%s' "$body" | node -e 'process.stdout.write(JSON.stringify({ body: require("fs").readFileSync(0, "utf8") }))' > "$RUNNER_TEMP_DIR/payload.json"

# The comment a previous run left: the first whose body starts with the marker.
existing=""
for page in $(seq 1 30); do
  code=$(call GET "$api/issues/$pr/comments?per_page=100&page=$page")
  [ "$code" = "200" ] || break
  found=$(MARKER="$marker" node -e '
    const list = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const hit = list.find((c) => typeof c.body === "string" && c.body.startsWith(process.env.MARKER));
    process.stdout.write(hit ? String(hit.id) : list.length === 0 ? "end" : "");' "$RUNNER_TEMP_DIR/response.json")
  if [ "$found" = "end" ]; then break; fi
  if [ -n "$found" ]; then existing=$found; break; fi
done

if [ -n "$existing" ]; then
  code=$(call PATCH "$api/issues/comments/$existing" "$RUNNER_TEMP_DIR/payload.json")
else
  code=$(call POST "$api/issues/$pr/comments" "$RUNNER_TEMP_DIR/payload.json")
fi
case "$code" in
  200 | 201) if [ -n "$existing" ]; then echo "nl-lint status: comment $existing updated"; else echo "nl-lint status: comment posted"; fi ;;
  *)
    # A pull request from a fork gets a read-only token on `pull_request`: show the status in the job summary.
    echo "::warning title=nl-lint status::could not post the status comment (HTTP $code); a fork's pull request has a read-only token. The status is in the job summary."
    ;;
esac
printf '%s\n' "$body" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
exit 0
