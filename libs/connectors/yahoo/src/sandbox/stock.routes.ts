import {
  xmlResponse,
  type SandboxRequest,
  type SandboxRoute,
} from '@urikiri/connector-sdk/testing';
import { parseItemRef } from '../yahoo-item-code.codec';
import {
  YAHOO_LIMITS,
  YAHOO_PATHS,
  YAHOO_STOCK_ERRORS,
  type YahooStockResult,
} from '../yahoo-wire.types';
import { admit, type YahooSandboxContext } from './yahoo-sandbox.context';
import { yahooError } from './yahoo-sandbox.errors';

const QUANTITY = /^[+-]?\d{1,9}$/;

function form(req: SandboxRequest): Record<string, string> {
  return typeof req.body === 'object' && req.body !== null
    ? (req.body as Record<string, string>)
    : {};
}

function itemResult(
  code: string,
  fields: Partial<YahooStockResult>,
): YahooStockResult {
  const ref = parseItemRef(code);
  return {
    ItemCode: ref?.code ?? code,
    ...(ref?.subCode ? { SubCode: ref.subCode } : {}),
    ...fields,
  };
}

function failed(
  code: string,
  errorCode: string,
  message: string,
): YahooStockResult {
  return itemResult(code, { ErrorCode: errorCode, ErrorMessage: message });
}

/** 200 when every item succeeded, 207 with per-item ErrorCode when some did not. */
function answer(results: YahooStockResult[]) {
  const status = results.some((r) => r.ErrorCode !== undefined) ? 207 : 200;
  return xmlResponse(status, {
    ResultSet: {
      '@_totalResultsReturned': String(results.length),
      Result: results,
    },
  });
}

/**
 * setStock and getStock: form-encoded, at most 1,000 comma-separated item codes. setStock takes one
 * quantity per code, `5` to set, `+5`/`-5` to change; a change below zero leaves 0 (unverified: Yahoo!
 * does not document it). Orders lower the same quantity, so a `+N`/`-N` keeps them subtracted.
 */
export function stockRoutes(context: YahooSandboxContext): SandboxRoute[] {
  const codesOf = (req: SandboxRequest): string[] | null => {
    const raw = form(req).item_code;
    return typeof raw === 'string' && raw.length > 0 ? raw.split(',') : null;
  };
  return [
    {
      method: 'POST',
      path: YAHOO_PATHS.setStock,
      operation: 'push',
      handler: (req) => {
        const fields = form(req);
        const codes = codesOf(req);
        if (codes) {
          req.countItems(codes.length);
        }
        const refused = admit(context, req, 'push', fields.seller_id);
        if (refused) {
          return refused;
        }
        if (!codes) {
          return yahooError(
            400,
            'item_code is required: a comma list of item codes (code or code:subcode)',
            YAHOO_STOCK_ERRORS.badItemCode,
          );
        }
        if (codes.length > YAHOO_LIMITS.itemCodesPerCall) {
          return yahooError(
            400,
            `at most ${YAHOO_LIMITS.itemCodesPerCall} item codes per call, got ${codes.length}`,
            YAHOO_STOCK_ERRORS.overLimit,
          );
        }
        const quantities = (fields.quantity ?? '').split(',');
        if (quantities.length !== codes.length) {
          return yahooError(
            400,
            `quantity has ${quantities.length} values for ${codes.length} item codes`,
            YAHOO_STOCK_ERRORS.countMismatch,
          );
        }
        const seen = new Set<string>();
        const results = codes.map((code, i) => {
          const duplicate = seen.has(code);
          seen.add(code);
          const injected = context.faults().itemFailure('push', code);
          const value = quantities[i];
          if (injected !== null) {
            return failed(code, injected, 'Refused by the sandbox fault plan');
          }
          if (
            parseItemRef(code) === null ||
            context.stock.listing(code) === null
          ) {
            return failed(
              code,
              YAHOO_STOCK_ERRORS.badItemCode,
              `No item ${code} in this store`,
            );
          }
          if (duplicate) {
            return failed(
              code,
              YAHOO_STOCK_ERRORS.duplicate,
              `${code} appears more than once`,
            );
          }
          const absolute = !value.startsWith('+') && !value.startsWith('-');
          const amount = Number(value);
          if (
            !QUANTITY.test(value) ||
            (absolute && amount > context.maxQuantity)
          ) {
            return failed(
              code,
              YAHOO_STOCK_ERRORS.badQuantity,
              `quantity "${value}" must be 0-${context.maxQuantity}, or +N / -N`,
            );
          }
          const next = absolute
            ? amount
            : Math.max(0, context.stock.quantity(code) + amount);
          if (next > context.maxQuantity) {
            return failed(
              code,
              YAHOO_STOCK_ERRORS.badQuantity,
              `${code} would hold ${next}, above ${context.maxQuantity}`,
            );
          }
          context.stock.setQuantity(code, next);
          return itemResult(code, { Quantity: String(next) });
        });
        return answer(results);
      },
    },
    {
      method: 'POST',
      path: YAHOO_PATHS.getStock,
      operation: 'read',
      handler: (req) => {
        const fields = form(req);
        const codes = codesOf(req);
        if (codes) {
          req.countItems(codes.length);
        }
        const refused = admit(context, req, 'read', fields.seller_id);
        if (refused) {
          return refused;
        }
        if (!codes) {
          return yahooError(
            400,
            'item_code is required: a comma list of item codes (code or code:subcode)',
            YAHOO_STOCK_ERRORS.badItemCode,
          );
        }
        if (codes.length > YAHOO_LIMITS.itemCodesPerCall) {
          return yahooError(
            400,
            `at most ${YAHOO_LIMITS.itemCodesPerCall} item codes per call, got ${codes.length}`,
            YAHOO_STOCK_ERRORS.overLimit,
          );
        }
        return answer(
          codes.map((code) => {
            const listing = context.stock.listing(code);
            return listing
              ? itemResult(code, {
                  Quantity: String(listing.quantity),
                  AllowOverdraft: listing.oversellAllowed ? '1' : '0',
                })
              : failed(
                  code,
                  YAHOO_STOCK_ERRORS.badItemCode,
                  `No item ${code} in this store`,
                );
          }),
        );
      },
    },
  ];
}
