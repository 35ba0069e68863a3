import { ORDER_LINE_STATUSES } from '@urikiri/connector-sdk';
import { z } from 'zod';

/**
 * More units than any one order line of a shop holds. Ingestion settles a line unit by unit, so a
 * signed but absurd quantity would otherwise keep a request busy for hours.
 */
export const MAX_UNITS_PER_LINE = 100_000;

/** More events than one delivery of any channel carries. */
export const MAX_EVENTS_PER_DELIVERY = 5_000;

const isoDateTime = z.string().refine((value) => Number.isFinite(Date.parse(value)), 'must be an ISO-8601 date-time');

/**
 * The connector contract's OrderEvent as the database can hold it (the column lengths of
 * order_line and ingested_event). A connector turns the channel's answer into events without
 * judging their values, so every event, delivered by webhook or fetched by polling, is checked here
 * before anything is ingested. Fields the contract does not know are dropped (a connector may carry
 * its own bookkeeping on an event); the optional ones it does know are kept.
 */
export const orderEventSchema = z.object({
  eventId: z.string().min(1).max(255),
  orderId: z.string().min(1).max(128),
  lineId: z.string().min(1).max(128),
  listingId: z.string().min(1).max(255),
  sellerSku: z.string().max(255).nullish().transform((value) => value ?? null),
  status: z.enum(ORDER_LINE_STATUSES),
  quantity: z.number().int().min(0).max(MAX_UNITS_PER_LINE),
  occurredAt: isoDateTime,
  restocked: z.boolean().optional(),
});

export const orderEventsSchema = z.array(orderEventSchema).max(MAX_EVENTS_PER_DELIVERY);
