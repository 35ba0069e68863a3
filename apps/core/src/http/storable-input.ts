import type { FieldProblem } from './request-validation.error';
import { formatPath } from './request-validation.error';

/** Deeper than any request the API takes (a rule set is about six levels), far below the stack's limit. */
export const MAX_INPUT_DEPTH = 32;

/** At most this many problems are reported: enough to fix a request, little enough to stay readable. */
const MAX_PROBLEMS = 10;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why no database column can hold this text (PostgreSQL refuses NUL; a lone surrogate is not text), or undefined. */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text; it contains half of a surrogate pair';
  return undefined;
}

/**
 * Every string (values and keys) of a parsed request part that cannot be stored, and any nesting
 * beyond MAX_INPUT_DEPTH, each with its path. Walked with an explicit stack: a hostile body nested
 * a hundred thousand levels deep must not overflow the call stack on its way to being refused.
 */
export function unstorableInput(value: unknown, root: PropertyKey[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: root }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: current, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof current === 'string') {
      const problem = unstorableText(current);
      if (problem) problems.push({ path: formatPath(path), message: problem });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length - root.length >= MAX_INPUT_DEPTH) {
      problems.push({ path: formatPath(path), message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` });
      continue;
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(current) ? current.map((item, index) => [index, item]) : Object.entries(current);
    for (const [key, child] of entries) {
      const keyProblem = typeof key === 'string' ? unstorableText(key) : undefined;
      if (keyProblem) problems.push({ path: formatPath([...path, key]), message: `(a field name) ${keyProblem}` });
      else stack.push({ value: child, path: [...path, key] });
    }
  }
  return problems;
}
