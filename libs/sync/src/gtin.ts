/**
 * JAN/EAN/UPC barcodes are GTINs of 8, 12, 13 or 14 digits; one article's code may be stored with or
 * without leading zeros (a UPC-12 on one channel is the same article as the EAN-13 `0…` on another).
 * Padded to 14 digits they compare equal.
 */
export function gtinKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{8,14}$/.test(digits)) return null;
  return digits.padStart(14, '0');
}

/** Every way the GTIN with this key can be written as 8, 12, 13 or 14 digits: the values to look up. */
export function gtinSpellings(key: string): string[] {
  const significant = key.replace(/^0+/, '');
  return [8, 12, 13, 14].filter((length) => significant.length <= length).map((length) => key.slice(14 - length));
}
