/** The catalogue as the API and the import/export show it. */
export interface ProductView {
  code: string;
  name: string;
  jan: string | null;
  tags: string[];
  kind: 'sku' | 'bundle';
  components?: Array<{ sku: string; quantity: number }>;
  createdAt: string;
}

export interface LocationView {
  code: string;
  name: string;
  kind: 'warehouse' | 'channel_held';
  sellable: boolean;
  priority: number;
}

export interface PurchaseOrderView {
  reference: string;
  sku: string;
  location: string;
  quantity: number;
  receivedQuantity: number;
  expectedAt: string;
  status: 'open' | 'received' | 'cancelled';
}
