/** One reason a rule set is refused, addressed by the path of the field at fault. */
export interface RuleSetIssue {
  /** e.g. `rules[2].shares.rakuten`; `(rule set)` for the document as a whole. */
  readonly path: string;
  readonly message: string;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$/-]*$/;

function formatPath(segments: readonly PathSegment[]): string {
  if (segments.length === 0) return '(rule set)';
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment))
      text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function issueAt(
  segments: readonly PathSegment[],
  message: string,
): RuleSetIssue {
  return { path: formatPath(segments), message };
}

export function describeIssue(issue: RuleSetIssue): string {
  return `${issue.path}: ${issue.message}`;
}
