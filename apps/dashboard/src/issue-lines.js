// @ts-check
/**
 * The line of the editor an issue's path points at (`rules[2].shares.rakuten` → the `rakuten:` key
 * inside the third rule), found by walking the keys of the path in order through the text. Good
 * enough to put a message next to its line in the YAML or JSON an operator typed; null if not found.
 * @param {string} text
 * @param {string} path
 * @returns {number | null} 1-based
 */
export function lineOfPath(text, path) {
  const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  const rows = text.split('\n');
  let line = 0;
  let found = false;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      // The n-th item of a list: count the list items (YAML "- ", JSON "{") after the current line.
      let seen = -1;
      for (let i = line; i < rows.length; i++) {
        if (/^\s*-\s/.test(rows[i]) || /^\s*\{/.test(rows[i])) seen++;
        if (seen === segment) {
          line = i;
          found = true;
          break;
        }
      }
      continue;
    }
    const key = new RegExp(`(^|[\\s{,-])"?${segment.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"?\\s*:`);
    const at = rows.findIndex((row, i) => i >= line && key.test(row));
    if (at === -1) return found ? line + 1 : null;
    line = at;
    found = true;
  }
  return found ? line + 1 : null;
}
