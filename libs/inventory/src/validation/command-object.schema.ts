import { z } from 'zod';

/** The fields of the object that raised the issue: after `.omit` or `.extend` they differ from the shape first given. */
function acceptedFields(issue: z.core.$ZodRawIssue, fallback: string[]): string[] {
  const def = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def;
  return def?.shape ? Object.keys(def.shape) : fallback;
}

/**
 * An object schema for a command body that refuses fields it does not know. A plain `z.object`
 * drops them silently, so a misspelt optional field (`quantiy` on a partial commit) would be read as
 * absent and the command would do more than was asked. The refusal lists the accepted fields, so
 * the sender sees the right spelling.
 */
export function commandObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const fallback = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `is not a field of this command; accepted fields: ${acceptedFields(issue, fallback).join(', ')}` : undefined,
  });
}
