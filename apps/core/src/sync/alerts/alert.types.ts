export const ALERT_KINDS = ['oversell', 'dead-letter', 'drift', 'low-stock', 'account-stopped', 'malformed-orders', 'returns-waiting'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What the alert webhook receives, as JSON. */
export interface Alert {
  kind: AlertKind;
  /** One line for a chat channel, e.g. "Oversell: TEA-01 sold 2 units more than existed (rakuten-main)". */
  message: string;
  /** The thing the alert is about, so a receiver can group repeats: a SKU, a listing id, an account id. */
  subject: string;
  details: Record<string, unknown>;
  at: string;
}
