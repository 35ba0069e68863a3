/** Deeper than this, a YAML text is refused before it is parsed. Rule sets and plans nest a handful of levels. */
export const MAX_YAML_NESTING = 100;

/**
 * How deeply a YAML text can nest, counted without parsing it: the flow brackets (`[`, `{`) open at
 * any point, plus the indentation and block markers (`- `, `? `, `: `) that open levels at the start
 * of a line (`- - - x` is three levels). It never counts less than the parser would descend — brackets
 * inside quotes and comments count too — so a text within the limit is safe to parse.
 *
 * Why it matters: the YAML parser recurses once per level, and a hostile text thousands of levels deep
 * exhausts the stack deep inside it, where the engine cannot always recover (a regular expression first
 * compiled at that depth fails as "out of memory" and ends the whole process).
 */
export function yamlNestingDepth(text: string): number {
  let flow = 0;
  let deepest = 0;
  let lineDepth = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      atLineStart = true;
      lineDepth = 0;
      continue;
    }
    if (atLineStart) {
      if (c === 32 /* space */ || c === 9 /* tab */ || c === 45 /* - */ || c === 63 /* ? */ || c === 58 /* : */) {
        lineDepth++;
        deepest = Math.max(deepest, flow + lineDepth);
        continue;
      }
      atLineStart = false;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      flow++;
      deepest = Math.max(deepest, flow + lineDepth);
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) {
      flow--;
    }
  }
  return deepest;
}
