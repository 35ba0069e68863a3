import { emptyResponse, jsonResponse, type SandboxRoute } from '@urikiri/connector-sdk/testing';
import { toRakutenIsoTime } from '../jst-time.codec';
import { RAKUTEN_ID_MAX_BYTES, formatRakutenListingId } from '../rakuten-listing-id.codec';
import {
  RAKUTEN_INVENTORY_LIMITS,
  type RakutenApiError,
  type RakutenBulkGetResponse,
  type RakutenInventoryRecord,
} from '../rakuten-wire.types';
import { invalid, notFound, rakutenErrors } from './rakuten-error.responses';
import { isRecord, type RakutenSandboxContext } from './rakuten-sandbox.context';

const ID_CHARS = /^[a-zA-Z0-9_-]+$/;
const MAX = RAKUTEN_INVENTORY_LIMITS.maxQuantity;

interface CheckedWrite {
  listingId: string;
  mode: 'ABSOLUTE' | 'RELATIVE';
  quantity: number;
}

function idError(field: string, value: unknown, path: string): RakutenApiError | null {
  if (typeof value !== 'string' || value === '') {
    return invalid(`${field} is required`, path);
  }
  if (Buffer.byteLength(value, 'utf8') > RAKUTEN_ID_MAX_BYTES || !ID_CHARS.test(value)) {
    return invalid(`${field} must be 1 to ${RAKUTEN_ID_MAX_BYTES} bytes of a-z, A-Z, 0-9, - and _`, path);
  }
  return null;
}

/** RMS lower-cases 商品管理番号 on the way in; SKU管理番号 keeps its case. */
function listingIdOf(manageNumber: string, variantId: string): string {
  return formatRakutenListingId({ manageNumber, variantId });
}

/**
 * Checks one write the way the Inventory API does, against what the channel shows now. Returns the
 * error for the item, or the write to apply.
 */
function checkWrite(ctx: RakutenSandboxContext, raw: unknown, at: string): RakutenApiError | CheckedWrite {
  if (!isRecord(raw)) {
    return invalid('each inventory must be an object', at);
  }
  const prefix = at === '' ? '' : `${at}.`;
  const badId = idError('manageNumber', raw.manageNumber, `${prefix}manageNumber`) ?? idError('variantId', raw.variantId, `${prefix}variantId`);
  if (badId) {
    return badId;
  }
  if (raw.mode !== 'ABSOLUTE' && raw.mode !== 'RELATIVE') {
    return invalid('mode must be ABSOLUTE or RELATIVE', `${prefix}mode`);
  }
  const quantity = raw.quantity;
  const low = raw.mode === 'ABSOLUTE' ? 0 : -MAX;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < low || quantity > MAX) {
    return invalid(`quantity must be an integer from ${low} to ${MAX} in ${raw.mode} mode`, `${prefix}quantity`);
  }
  const listingId = listingIdOf(raw.manageNumber as string, raw.variantId as string);
  const injected = ctx.faults().itemFailure('push', listingId);
  if (injected !== null) {
    return { code: injected, message: 'Refused by the sandbox fault plan', metadata: { propertyPath: at || 'inventory' } };
  }
  const listing = ctx.stock.listing(listingId);
  if (!listing) {
    return notFound(`manageNumber=${raw.manageNumber}, variantId=${raw.variantId}`, at || undefined);
  }
  if (raw.mode === 'RELATIVE') {
    if (!ctx.stock.hasInventoryRecord(listingId)) {
      return notFound(`no inventory record for manageNumber=${raw.manageNumber}, variantId=${raw.variantId}; set it with ABSOLUTE first`, at || undefined);
    }
    const after = listing.quantity + quantity;
    if (after < 0 || after > MAX) {
      return invalid(`quantity after the RELATIVE change would be ${after}; the stock must stay from 0 to ${MAX}`, `${prefix}quantity`);
    }
  }
  return { listingId, mode: raw.mode, quantity };
}

function isError(value: RakutenApiError | CheckedWrite): value is RakutenApiError {
  return 'code' in value;
}

/** 404 when every problem is a missing record, else 400; RMS applies nothing from a refused call. */
function refusal(errors: RakutenApiError[]) {
  return rakutenErrors(errors.every((e) => e.code === 'GE0014') ? 404 : 400, errors);
}

function recordOf(ctx: RakutenSandboxContext, listingId: string): RakutenInventoryRecord | null {
  const listing = ctx.stock.listing(listingId);
  const times = ctx.stock.inventoryRecord(listingId);
  if (!listing || !times) {
    return null;
  }
  const [manageNumber, variantId] = listingId.split(':');
  return { manageNumber, variantId, quantity: listing.quantity, created: toRakutenIsoTime(times.created), updated: toRakutenIsoTime(times.updated) };
}

export function inventoryRoutes(ctx: RakutenSandboxContext): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: '/es/2.0/inventories/bulk-upsert',
      operation: 'push',
      handler: (req) => {
        const list = isRecord(req.body) ? req.body.inventories : undefined;
        if (!Array.isArray(list) || list.length === 0 || list.length > RAKUTEN_INVENTORY_LIMITS.bulkUpsert) {
          return rakutenErrors(400, [invalid(`inventories must hold 1 to ${RAKUTEN_INVENTORY_LIMITS.bulkUpsert} items`, 'inventories')]);
        }
        req.countItems(list.length);
        const refused = ctx.refuse(req);
        if (refused) {
          return refused;
        }
        const checked = list.map((raw, i) => checkWrite(ctx, raw, `inventories[${i}]`));
        const seen = new Set<string>();
        const errors: RakutenApiError[] = [];
        checked.forEach((c, i) => {
          if (isError(c)) {
            errors.push(c);
          } else if (seen.has(c.listingId)) {
            errors.push(invalid(`${c.listingId} appears more than once in one request`, `inventories[${i}]`));
          } else {
            seen.add(c.listingId);
          }
        });
        if (errors.length > 0) {
          return refusal(errors);
        }
        for (const write of checked as CheckedWrite[]) {
          ctx.stock.writeInventory(write.listingId, write.mode, write.quantity);
        }
        return emptyResponse(204);
      },
    },
    {
      method: 'PUT',
      path: '/es/2.0/inventories/manage-numbers/:manageNumber/variants/:variantId',
      operation: 'push',
      handler: (req) => {
        req.countItems(1);
        const refused = ctx.refuse(req);
        if (refused) {
          return refused;
        }
        const body = isRecord(req.body) ? req.body : {};
        const checked = checkWrite(ctx, { ...body, manageNumber: req.params.manageNumber, variantId: req.params.variantId }, '');
        if (isError(checked)) {
          return refusal([checked]);
        }
        ctx.stock.writeInventory(checked.listingId, checked.mode, checked.quantity);
        return emptyResponse(204);
      },
    },
    {
      method: 'POST',
      path: '/es/2.0/inventories/bulk-get',
      operation: 'read',
      handler: (req) => {
        const list = isRecord(req.body) ? req.body.inventories : undefined;
        if (!Array.isArray(list) || list.length === 0 || list.length > RAKUTEN_INVENTORY_LIMITS.bulkGet) {
          return rakutenErrors(400, [invalid(`inventories must hold 1 to ${RAKUTEN_INVENTORY_LIMITS.bulkGet} items`, 'inventories')]);
        }
        req.countItems(list.length);
        const refused = ctx.refuse(req);
        if (refused) {
          return refused;
        }
        const errors: RakutenApiError[] = [];
        const found: RakutenInventoryRecord[] = [];
        list.forEach((raw, i) => {
          const item = isRecord(raw) ? raw : {};
          const badId = idError('manageNumber', item.manageNumber, `inventories[${i}].manageNumber`) ?? idError('variantId', item.variantId, `inventories[${i}].variantId`);
          if (badId) {
            errors.push(badId);
            return;
          }
          const record = recordOf(ctx, listingIdOf(item.manageNumber as string, item.variantId as string));
          if (record) {
            found.push(record);
          }
        });
        if (errors.length > 0) {
          return rakutenErrors(400, errors);
        }
        if (found.length === 0) {
          return rakutenErrors(404, [notFound('none of the requested inventories exist')]);
        }
        return jsonResponse(200, { inventories: found } satisfies RakutenBulkGetResponse);
      },
    },
  ];
}
