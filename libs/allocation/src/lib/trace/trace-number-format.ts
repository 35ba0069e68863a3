/** Numbers as operators read them: `1,234` and `60 %` / `12.5 %`, the same in ja and en. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatBasisPoints(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
}

export function ruleNote(ruleId: string | null, label: string): string {
  return ruleId === null ? '' : ` (${label} ${ruleId})`;
}
