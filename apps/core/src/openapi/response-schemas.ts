import type {
  BackorderView,
  LocationView,
  MovementView,
  ProductView,
  PurchaseOrderView,
  ReplayReport,
  ReservationResult,
  SkuStock,
  StockChangeResult,
  TransferResult,
} from '@urikiri/inventory';
import { z } from 'zod';
import { API_KEY_SCOPES } from '../auth/api-key-scope';
import type { ApiKeyView, CreatedApiKey } from '../auth/api-key.service';

/**
 * What the API answers, as zod schemas for the OpenAPI document. Each is typed against the view the
 * code returns, so a field added to a view without its schema fails to compile.
 */

const isoDateTime = z.string().describe('ISO-8601 date-time, UTC');
const skuQuantity = z.object({ sku: z.string(), quantity: z.number().int() });

export const productViewSchema: z.ZodType<ProductView> = z.object({
  code: z.string(),
  name: z.string(),
  jan: z.string().nullable(),
  tags: z.array(z.string()),
  kind: z.enum(['sku', 'bundle']),
  components: z.array(skuQuantity).optional(),
  createdAt: isoDateTime,
});

export const productPageSchema: z.ZodType<{ items: ProductView[]; total: number }> = z.object({
  items: z.array(productViewSchema),
  total: z.number().int(),
});

export const locationViewSchema: z.ZodType<LocationView> = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['warehouse', 'channel_held']),
  sellable: z.boolean(),
  priority: z.number().int(),
});

export const purchaseOrderViewSchema: z.ZodType<PurchaseOrderView> = z.object({
  reference: z.string(),
  sku: z.string(),
  location: z.string(),
  quantity: z.number().int(),
  receivedQuantity: z.number().int(),
  expectedAt: isoDateTime,
  status: z.enum(['open', 'received', 'cancelled']),
});

export const skuStockSchema: z.ZodType<SkuStock> = z.object({
  sku: z.string(),
  kind: z.enum(['sku', 'bundle']),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int().describe('on hand − reserved over sellable warehouses; for a bundle, complete sets'),
  backordered: z.number().int(),
  locations: z.array(
    z.object({
      location: z.string(),
      kind: z.enum(['warehouse', 'channel_held']),
      sellable: z.boolean(),
      onHand: z.number().int(),
      reserved: z.number().int(),
      available: z.number().int(),
    }),
  ),
  components: z.array(z.object({ sku: z.string(), quantity: z.number().int(), available: z.number().int() })).optional(),
});

export const movementPageSchema: z.ZodType<{ items: MovementView[]; nextBefore: number | null }> = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      sku: z.string(),
      location: z.string(),
      onHandDelta: z.number().int(),
      reservedDelta: z.number().int(),
      reference: z.object({ type: z.string(), id: z.string() }).nullable(),
      reason: z.string().nullable(),
      reservationId: z.string().nullable(),
      idempotencyKey: z.string(),
      at: isoDateTime,
    }),
  ),
  nextBefore: z.number().int().nullable().describe('pass as `before` for the next (older) page; null on the last'),
});

export const backorderViewSchema: z.ZodType<BackorderView> = z.object({
  id: z.number().int(),
  sku: z.string(),
  quantity: z.number().int(),
  openQuantity: z.number().int(),
  status: z.enum(['open', 'filled', 'cancelled']),
  channel: z.string().nullable(),
  orderId: z.string(),
  reservationId: z.string(),
  at: isoDateTime,
});

export const oversellCountSchema: z.ZodType<{ events: number; units: number; openUnits: number }> = z.object({
  events: z.number().int().describe('order lines a channel sold beyond our stock, all time'),
  units: z.number().int(),
  openUnits: z.number().int().describe('units still waiting for a receipt'),
});

export const stockChangeResultSchema: z.ZodType<StockChangeResult> = z.object({
  sku: z.string(),
  location: z.string(),
  onHandDelta: z.number().int(),
  backorderFilled: z.number().int(),
});

export const transferResultSchema: z.ZodType<TransferResult> = z.object({
  sku: z.string(),
  from: z.string(),
  to: z.string(),
  quantity: z.number().int(),
  backorderFilled: z.number().int(),
});

export const reservationResultSchema: z.ZodType<ReservationResult> = z.object({
  reservationId: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  status: z.enum(['held', 'backordered', 'committed', 'released']),
  allocations: z.array(z.object({ sku: z.string(), location: z.string(), quantity: z.number().int() })),
  backordered: z.array(skuQuantity),
});

const stockPair = z.object({ onHand: z.number().int(), reserved: z.number().int() });

export const replayReportSchema: z.ZodType<ReplayReport> = z.object({
  consistent: z.boolean(),
  stockLevels: z.number().int(),
  fromMovementId: z.number().int(),
  movementsReplayed: z.number().int(),
  mismatches: z.array(z.object({ sku: z.string(), location: z.string(), snapshot: stockPair, replay: stockPair })),
});

export const checkpointResultSchema: z.ZodType<{ movementId: number; stockLevels: number }> = z.object({
  movementId: z.number().int().describe('the newest movement the checkpoint covers'),
  stockLevels: z.number().int(),
});

export const apiKeyViewSchema: z.ZodType<ApiKeyView> = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
});

export const createdApiKeySchema: z.ZodType<CreatedApiKey> = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  key: z.string().describe('the API key; shown only in this answer'),
});

export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  code: z.string().describe('validation_failed, not_found, duplicate, idempotency_key_reused, insufficient_stock, invalid_state, …'),
  message: z.string(),
  issues: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        row: z.number().int().optional().describe('CSV fields: the row, 1-based; the header is row 1'),
        column: z.string().optional().describe('CSV fields: the column'),
      }),
    )
    .optional(),
});
