import type { ListingsFeedProcessingReport } from '../amazon-wire.types';

/** Per message id, the ERROR issues Amazon reported; messages absent from the map were accepted. */
export function feedErrorsByMessage(
  report: ListingsFeedProcessingReport,
): Map<number, { code: string; message: string }[]> {
  const errors = new Map<number, { code: string; message: string }[]>();
  for (const issue of report.issues ?? []) {
    if (issue.severity !== 'ERROR') {
      continue;
    }
    const list = errors.get(issue.messageId) ?? [];
    list.push({ code: issue.code, message: issue.message });
    errors.set(issue.messageId, list);
  }
  return errors;
}
