/**
 * Adds path mappings to a tsconfig text without touching anything else in it. Rewriting the file
 * through a JSON round-trip and the formatter would re-wrap entries the generator does not own
 * (other projects' paths), so the new entries are inserted as text after the last existing one,
 * one line each, with the indentation the file already uses.
 */
export function addTsconfigPaths(text: string, entries: Record<string, string>): string {
  const json = JSON.parse(text) as { compilerOptions?: { paths?: Record<string, unknown> } };
  const existing = json.compilerOptions?.paths ?? {};
  for (const key of Object.keys(entries)) {
    if (key in existing) {
      throw new Error(`tsconfig.base.json already maps "${key}"; choose another connector name.`);
    }
  }
  const lines = (indent: string) => Object.entries(entries).map(([key, file]) => `${indent}${JSON.stringify(key)}: [${JSON.stringify(file)}]`);

  const paths = /"paths"\s*:\s*\{/.exec(text);
  if (paths === null) {
    // No paths yet: the whole block is ours, written after "compilerOptions": {.
    const options = /"compilerOptions"\s*:\s*\{/.exec(text);
    if (options === null) {
      throw new Error('tsconfig.base.json has no "compilerOptions" object; add one, then run the generator again.');
    }
    const at = options.index + options[0].length;
    const empty = /^\s*\}/.test(text.slice(at));
    return `${text.slice(0, at)}\n    "paths": {\n${lines('      ').join(',\n')}\n    }${empty ? '\n  ' : ','}${text.slice(at)}`;
  }
  const open = paths.index + paths[0].length;
  const close = closingBrace(text, open);
  const body = text.slice(open, close);
  const indent = /\n([ \t]+)"/.exec(body)?.[1] ?? '      ';
  const end = body.trimEnd();
  const tail = body.slice(end.length);
  const separator = end.trim().length === 0 ? '' : ',';
  const closeIndent = /\n([ \t]*)$/.exec(tail)?.[1] ?? indent.slice(2);
  return `${text.slice(0, open)}${end}${separator}\n${lines(indent).join(',\n')}\n${closeIndent}${text.slice(close)}`;
}

/** Index of the `}` that closes the object whose body starts at `from`, skipping strings. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) {
        if (text[i] === '\\') {
          i += 1;
        }
      }
    } else if (c === '{' || c === '[') {
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) {
        return i;
      }
    }
  }
  throw new Error('tsconfig.base.json "paths" is not closed; fix the file, then run the generator again.');
}
