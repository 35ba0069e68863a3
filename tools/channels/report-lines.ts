import type { ApplyReport } from './apply-channels';

/** The apply report as an operator reads it: one line per account, then what to do next. */
export function reportLines(report: ApplyReport): string[] {
  const lines = [
    ...report.created.map((id) => `  ${id.padEnd(24)} connected; its open orders are imported (cut-over) before the first push`),
    ...report.unchanged.map((id) => `  ${id.padEnd(24)} unchanged`),
    ...report.differs.map((d) => `  ${d.id.padEnd(24)} NOT changed: ${d.differences.join('; ')} (the API cannot edit an account: connect it under a new id)`),
    ...report.notInFile.map((id) => `  ${id.padEnd(24)} in the service but not in the file: left as it is`),
  ];
  if (report.created.length > 0) {
    lines.push(
      'Next: map each new account\'s items to your SKUs: POST /api/v1/channels/accounts/<id>/discover (by seller SKU, then JAN),',
      '      or a CSV file to POST /api/v1/channels/listings/import (account,channel_listing_id,sku).',
    );
  }
  return lines;
}
