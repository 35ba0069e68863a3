/**
 * Order numbers for the sandboxes that let the caller choose them. A sandbox lives in memory and
 * numbers its orders from 1 again after a restart, but the service remembers every order it
 * ingested: a reused number would make a new sale look like a repeat of an old one, and ingestion
 * would drop it. Numbers taken from the clock (and kept increasing within a run) are new each time.
 */
export class OrderNumbers {
  private last = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** A number greater than every number this instance gave, and than the clock in milliseconds. */
  next(): number {
    this.last = Math.max(this.last + 1, this.clock());
    return this.last;
  }

  /** Amazon: 3-7-7 digits; the number fills the last fourteen, e.g. 503-0176431-2345678. */
  amazon(): string {
    const digits = String(this.next()).padStart(14, '0').slice(-14);
    return `503-${digits.slice(0, 7)}-${digits.slice(7)}`;
  }

  /** Rakuten: shop number, order day in Tokyo, ten digits. */
  rakuten(shopNumber: string): string {
    const n = this.next();
    const day = new Date(n + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    return `${shopNumber}-${day}-${String(n % 10_000_000_000).padStart(10, '0')}`;
  }

  /** Yahoo!: the store account and a number. */
  yahoo(sellerId: string): string {
    return `${sellerId}-${this.next()}`;
  }
}
