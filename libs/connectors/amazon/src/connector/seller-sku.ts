/** Amazon accepts seller SKUs of 1 to 40 characters; longer ones are cut or refused by Seller Central. */
export const MAX_SKU_LENGTH = 40;

/**
 * Why Amazon would refuse `sku` as a seller SKU, or null when it is acceptable. Checked before any
 * call so a bad id is reported with what is accepted instead of surfacing as a 400 or a 404.
 */
export function skuProblem(sku: string): string | null {
  if (sku.length === 0) {
    return 'is empty; a seller SKU has 1 to 40 characters';
  }
  if ([...sku].length > MAX_SKU_LENGTH) {
    return `has ${[...sku].length} characters; Amazon accepts seller SKUs of 1 to ${MAX_SKU_LENGTH} characters`;
  }
  if (sku.trim() !== sku) {
    return 'starts or ends with a space; Amazon trims SKUs, so it would address another listing';
  }
  if (
    [...sku].some(
      (char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f,
    )
  ) {
    return 'contains a control character (tab, newline...); seller SKUs are printable text';
  }
  return null;
}
