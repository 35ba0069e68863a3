import type { Answer } from './fuzz-client';
import type { FuzzCase } from './fuzz-case';

interface ErrorAnswer {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  issues?: { path?: unknown; message?: unknown }[];
}

/** `rules[0].scope` → `scope`: the name a person would look for in a message. */
function leafName(field: string): string {
  return field.replace(/\[\d+\]/g, '').split('.').filter(Boolean).pop() ?? field;
}

function related(issuePath: string, field: string): boolean {
  return issuePath === field || issuePath.startsWith(`${field}.`) || issuePath.startsWith(`${field}[`) || (issuePath !== '' && field.startsWith(issuePath));
}

/** Does the answer point at `field`: an issue at it (or inside or around it), or a message naming it? */
export function namesField(body: ErrorAnswer, field: string): boolean {
  const issues = Array.isArray(body.issues) ? body.issues : [];
  if (issues.some((issue) => typeof issue.path === 'string' && related(issue.path, field))) return true;
  const leaf = leafName(field);
  const texts = [body.message, ...issues.map((issue) => issue.message)].filter((t): t is string => typeof t === 'string');
  return texts.some((text) => text.includes(leaf));
}

/**
 * What is wrong with the answer to a malformed request, or undefined when it is right: a 4xx, as
 * JSON in the service's one error shape (statusCode, code, message), and for a 400 whose defect is
 * one field, that field named.
 */
export function problemWith(fuzzCase: FuzzCase, answer: Answer): string | undefined {
  if (answer.error) return `no answer: ${answer.error}`;
  if (answer.status < 400 || answer.status >= 500) return `answered ${answer.status}`;
  if (!answer.contentType.includes('application/json')) return `answered ${answer.status} as ${answer.contentType || 'no content type'}, not JSON`;
  let body: ErrorAnswer;
  try {
    body = JSON.parse(answer.text) as ErrorAnswer;
  } catch {
    return `answered ${answer.status} with a body that is not JSON`;
  }
  if (body.statusCode !== answer.status) return `answered ${answer.status} but the body says statusCode ${String(body.statusCode)}`;
  if (typeof body.code !== 'string' || body.code === '') return `answered ${answer.status} without a code`;
  if (typeof body.message !== 'string' || body.message.trim() === '') return `answered ${answer.status} (${body.code}) without a message`;
  if (answer.status === 400 && fuzzCase.field !== undefined && !namesField(body, fuzzCase.field)) {
    return `answered 400 (${body.code}) without naming ${fuzzCase.field}: ${body.message.slice(0, 200)}`;
  }
  return undefined;
}
