/** Stock as operators and channels read it. */
export interface LocationStock {
  location: string;
  kind: 'warehouse' | 'channel_held';
  sellable: boolean;
  onHand: number;
  reserved: number;
  available: number;
}

export interface SkuStock {
  sku: string;
  kind: 'sku' | 'bundle';
  /** Own stock in warehouses (sellable or not); channel-held pools are listed but never counted. */
  onHand: number;
  reserved: number;
  /** What channels may sell: on hand minus reserved over sellable warehouses; for a bundle, complete sets. */
  available: number;
  /** Units sold by channels that we did not have, still waiting for stock. */
  backordered: number;
  locations: LocationStock[];
  components?: Array<{ sku: string; quantity: number; available: number }>;
}

export interface MovementView {
  id: number;
  kind: string;
  sku: string;
  location: string;
  onHandDelta: number;
  reservedDelta: number;
  reference: { type: string; id: string } | null;
  reason: string | null;
  reservationId: string | null;
  idempotencyKey: string;
  at: string;
}

export interface BackorderView {
  id: number;
  sku: string;
  quantity: number;
  openQuantity: number;
  status: 'open' | 'filled' | 'cancelled';
  channel: string | null;
  orderId: string;
  reservationId: string;
  at: string;
}
