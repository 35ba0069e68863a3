import type { z } from 'zod';

/** One line per problem, each naming the field (`rateLimits.push.burst`) and what is accepted. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.');
      return `  - ${path === '' ? '(root)' : path.replace(/\.\[/g, '[')}: ${issue.message}`;
    })
    .join('\n');
}
