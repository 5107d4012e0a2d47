/**
 * A guard run before the Markdown parser: at each `]`, the GFM footnote extension looks back
 * through everything parsed so far in the paragraph for the `[` it might close, so a paragraph of
 * many `]` that close nothing takes time quadratic in their number (30,000 took 3.6 s, 100,000
 * most of a minute). A `]` with no `[` open before it in its paragraph cannot close anything;
 * where a paragraph holds more than `MAX_LONE_BRACKETS` of them, they are overwritten with
 * spaces. The text keeps its length and line breaks, so every position stays that of the original;
 * fewer lone brackets, as any real post has, leave the text untouched.
 */

export const MAX_LONE_BRACKETS = 1000;

/** The text with the lone `]` of crowded paragraphs blanked, or the text itself when there are none. */
export function guardLoneBrackets(text: string, maxLone = MAX_LONE_BRACKETS): string {
  // Cheap test first: most texts do not have that many `]` in all.
  let total = 0;
  for (let at = text.indexOf("]"); at >= 0 && total <= maxLone; at = text.indexOf("]", at + 1)) total++;
  if (total <= maxLone) return text;

  const blanked: number[] = [];
  let lone: number[] = [];
  let open = 0;
  let lineIsBlank = true;
  const endParagraph = () => {
    if (lone.length > maxLone) for (const at of lone) blanked.push(at);
    lone = [];
    open = 0;
  };
  for (let at = 0; at <= text.length; at++) {
    const c = at < text.length ? text[at] : "\n";
    if (c === "\n" || c === "\r") {
      // A blank line (or one of only quote markers) ends the paragraph.
      if (lineIsBlank) endParagraph();
      lineIsBlank = true;
      continue;
    }
    if (c !== " " && c !== "\t" && c !== ">") lineIsBlank = false;
    if (c === "[") open++;
    else if (c === "]" && text[at - 1] !== "\\") {
      if (open > 0) open--;
      else lone.push(at);
    }
  }
  endParagraph();
  if (blanked.length === 0) return text;
  const chars = text.split("");
  for (const at of blanked) chars[at] = " ";
  return chars.join("");
}
