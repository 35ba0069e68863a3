import { ConnectorError } from '@urikiri/connector-sdk';
import { isAxiosError, type AxiosError } from 'axios';
import type { RakutenApiError } from './rakuten-wire.types';

export interface RakutenFailure {
  /** HTTP status, or null when no answer came back. */
  status: number | null;
  errors: RakutenApiError[];
  /** Codes and messages in one line, for logs and operators. */
  summary: string;
  /** Axios error code for failures without an answer (ECONNABORTED, ECONNRESET...). */
  networkCode: string | null;
}

function axiosErrorOf(error: unknown): AxiosError | null {
  if (isAxiosError(error)) {
    return error;
  }
  return error instanceof ConnectorError && isAxiosError(error.cause) ? error.cause : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** RMS answers in three shapes: `errors[]` (2.0 APIs), `Results` (auth), `MessageModelList` (orders). */
function errorsIn(data: unknown): RakutenApiError[] {
  const body = record(data);
  if (!body) {
    return [];
  }
  if (Array.isArray(body.errors)) {
    return body.errors.flatMap((e) => {
      const item = record(e);
      return item && typeof item.code === 'string'
        ? [{ code: item.code, message: String(item.message ?? ''), metadata: record(item.metadata) as RakutenApiError['metadata'] }]
        : [];
    });
  }
  const results = record(body.Results);
  if (results && typeof results.errorCode === 'string') {
    return [{ code: results.errorCode, message: String(results.message ?? '') }];
  }
  if (Array.isArray(body.MessageModelList)) {
    return body.MessageModelList.flatMap((m) => {
      const message = record(m);
      return message && message.messageType === 'ERROR' ? [{ code: String(message.messageCode), message: String(message.message ?? '') }] : [];
    });
  }
  return [];
}

/** What RMS said about a failed call, read from the axios error (or the ConnectorError wrapping it). */
export function readRakutenFailure(error: unknown): RakutenFailure {
  const axiosError = axiosErrorOf(error);
  const status = axiosError?.response?.status ?? null;
  const errors = errorsIn(axiosError?.response?.data);
  const summary = errors
    .map((e) => `${e.code} ${e.message}${e.metadata?.propertyPath ? ` (${e.metadata.propertyPath})` : ''}`)
    .join('; ');
  return { status, errors, summary, networkCode: status === null ? (axiosError?.code ?? null) : null };
}

/** `inventories[3].quantity` → 3; null for errors about the request as a whole. */
export function itemIndexOf(error: RakutenApiError): number | null {
  const match = /^inventories\[(\d+)\]/.exec(error.metadata?.propertyPath ?? '');
  return match ? Number(match[1]) : null;
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

/**
 * True when RMS may have applied a write we got no clear answer for: the connection dropped or
 * timed out after sending, or RMS answered 500/502/504. A 503 (maintenance, overload) is read as
 * refused before processing.
 */
export function outcomeUnknown(failure: RakutenFailure): boolean {
  if (failure.status === null) {
    return failure.networkCode === null || !NEVER_SENT.has(failure.networkCode);
  }
  return failure.status === 500 || failure.status === 502 || failure.status === 504;
}

/** What to tell an operator when RMS refuses the keys. */
export const AUTH_HINT =
  'RMS refused the serviceSecret/licenseKey: check both in RMS > 店舗様向け情報・サービス > WEB APIサービス, ' +
  'confirm the Inventory API 2.0, Items API 2.0 and RakutenPay order API are enabled for the app, and renew an expired licenseKey';
