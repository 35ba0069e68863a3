/** Everything the audit log records, by kind; `GET /audit?kind=` takes these or a family (`stock`). */
export const AUDIT_KINDS = [
  'stock.receive',
  'stock.adjust',
  'stock.transfer',
  'stock.return',
  'purchase_order.create',
  'purchase_order.receive',
  'reservation.release',
  'product.create',
  'bundle.create',
  'location.create',
  'catalogue.import',
  'rules.activate',
  'channel_account.create',
  'channel_account.stop',
  'channel_account.resume',
  'channel_account.reconcile',
  'channel_account.discover',
  'channel_account.returns_location',
  'listing.create',
  'listing.import',
  'listing.stop',
  'listing.resume',
  'listing.retry',
  'listing.reactivate',
  'api_key.create',
  'api_key.revoke',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_FAMILIES = [...new Set(AUDIT_KINDS.map((kind) => kind.split('.')[0]))];
