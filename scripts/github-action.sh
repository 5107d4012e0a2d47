#!/usr/bin/env bash
# The lint step of action.yml: annotations on the pull request's changed files, and SARIF when asked.
# Inputs come from the environment (set by action.yml); the exit code goes to $GITHUB_OUTPUT so
# that SARIF is uploaded before the job fails.
set -uo pipefail

nl_lint=(node "${GITHUB_ACTION_PATH:?}/bin/nl-lint.js")
read -r -a extra <<< "${NL_LINT_ARGS:-}"
if [ -n "${NL_LINT_SHARD:-}" ]; then extra+=(--shard "$NL_LINT_SHARD"); fi

targets=()
if [ -n "${NL_LINT_PATHS:-}" ]; then
  # One path, folder or glob a line, so that names with spaces stay whole.
  mapfile -t targets < <(printf '%s\n' "$NL_LINT_PATHS" | sed '/^[[:space:]]*$/d')
elif [ -n "${NL_LINT_BASE:-}" ]; then
  base="origin/$NL_LINT_BASE"
  git fetch --no-tags --quiet origin "+refs/heads/$NL_LINT_BASE:refs/remotes/origin/$NL_LINT_BASE" || true
  # A shallow checkout has no merge base to compare with: fetch the history it lacks.
  if ! git merge-base "$base" HEAD > /dev/null 2>&1; then
    git fetch --no-tags --quiet --unshallow origin 2> /dev/null || git fetch --no-tags --quiet --deepen=1000 origin || true
  fi
  targets=(--changed-since "$base")
else
  targets=(.)
fi

"${nl_lint[@]}" --format github "${extra[@]}" "${targets[@]}"
status=$?
if [ -n "${NL_LINT_SARIF:-}" ]; then
  "${nl_lint[@]}" --format sarif --output-file "$NL_LINT_SARIF" "${extra[@]}" "${targets[@]}"
  sarif_status=$?
  if [ "$sarif_status" -ge 2 ]; then status=$sarif_status; fi
fi
echo "exit-code=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
