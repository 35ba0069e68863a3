import fc from 'fast-check';
import { ORDER_LINE_STATUSES, type RawWebhookRequest, signHmac } from '@urikiri/connector-sdk';
import { encodeSegment, type FuzzCase } from './fuzz-case';
import { hostileString, UNSTORABLE_STRINGS } from './hostile-values';
import type { JsonSchema } from './openapi-operations';
import { formatPath, validValue, violation } from './schema-values';

export const WEBHOOK_OPERATION = 'POST /api/v1/channels/accounts/{id}/webhook';

/** A connected account as the webhook fuzz sees it. */
export interface WebhookAccount {
  id: string;
  connector: string;
  /** A genuine delivery for an order the service has already ingested (so even a replay changes nothing). */
  genuine?: RawWebhookRequest;
  /** The same events signed with a secret that is not the account's. */
  forged?: RawWebhookRequest;
  /** How to sign any body as the channel does, when the fuzz could work it out from the genuine delivery. */
  sign?: { header: string; sign(body: Buffer): string };
}

function webhookUrl(accountId: string): string {
  return `/api/v1/channels/accounts/${encodeSegment(accountId)}/webhook`;
}

function flatHeaders(headers: RawWebhookRequest['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name.toLowerCase(), [value].flat().join(', ')]])));
}

function asBuffer(body: Buffer | string): Buffer {
  return typeof body === 'string' ? Buffer.from(body) : body;
}

/** Finds which header carries an HMAC of the body under one of the account's secrets, in hex or base64. */
export function signatureScheme(genuine: RawWebhookRequest, credentials: Record<string, string>): WebhookAccount['sign'] {
  const body = asBuffer(genuine.body);
  const headers = flatHeaders(genuine.headers);
  for (const secret of Object.values(credentials)) {
    for (const encoding of ['base64', 'hex'] as const) {
      for (const algorithm of ['sha256', 'sha1'] as const) {
        const expected = signHmac({ secret, payload: body, encoding, algorithm });
        const header = Object.keys(headers).find((name) => headers[name] === expected || headers[name] === `sha256=${expected}`);
        if (header) {
          const prefixed = headers[header].startsWith('sha256=');
          return { header, sign: (payload) => `${prefixed ? 'sha256=' : ''}${signHmac({ secret, payload, encoding, algorithm })}` };
        }
      }
    }
  }
  return undefined;
}

const hostileBodies: fc.Arbitrary<{ body: Buffer; how: string }> = fc.oneof(
  hostileString.map((s) => ({ body: Buffer.from(s), how: 'hostile text' })),
  fc.uint8Array({ minLength: 0, maxLength: 300 }).map((bytes) => ({ body: Buffer.from(bytes), how: 'binary bytes' })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ body: Buffer.from(JSON.stringify(value) ?? 'null'), how: 'some JSON' })),
  fc.constant({ body: Buffer.from(`{"events":[${'{"id":"x"},'.repeat(120_000)}{}]}`), how: 'a 1.3 MB body' }),
  fc.constant({ body: Buffer.from(`{"pad":"${'x'.repeat(5.5 * 1024 * 1024)}"}`), how: 'a 5.5 MB body' }),
  fc.constantFrom(...UNSTORABLE_STRINGS).map((s) => ({ body: Buffer.from(JSON.stringify({ events: [{ id: s }] })), how: 'NUL or a lone surrogate' })),
);

const hostileSignatures = fc.oneof(
  fc.constantFrom('', 'sha256=', 'deadbeef', 'sha256=00', '=', 'null'),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 90 }).filter((s) => /^[\x20-\x7e]+$/.test(s)),
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('base64')),
);

/** Deliveries whose signature cannot be right: the account's signature check must refuse every one. */
function forgedCases(account: WebhookAccount): fc.Arbitrary<FuzzCase> {
  const base = { operation: WEBHOOK_OPERATION, method: 'POST', url: webhookUrl(account.id) };
  const cases: fc.Arbitrary<FuzzCase>[] = [
    fc.tuple(hostileBodies, fc.dictionary(fc.constantFrom('x-signature', 'x-hub-signature-256', 'x-shopify-hmac-sha256', 'x-testshop-signature', 'x-amz-sns-message-type'), hostileSignatures, { maxKeys: 3 })).map(([body, headers]) => ({
      ...base,
      defect: 'webhook-forged',
      how: `${account.connector}: ${body.how} with made-up signature headers`,
      headers: { 'content-type': 'application/json', ...headers },
      body: body.body,
    })),
  ];
  const genuine = account.genuine;
  if (genuine) {
    const headers = flatHeaders(genuine.headers);
    const body = asBuffer(genuine.body);
    const signatureHeader = account.sign?.header;
    cases.push(
      fc.nat({ max: Math.max(body.length - 1, 0) }).chain((at) =>
        fc.integer({ min: 1, max: 255 }).map((flip) => {
          const altered = Buffer.from(body);
          altered[at] = altered[at] ^ flip;
          return { ...base, defect: 'webhook-forged', how: `${account.connector}: genuine signature, byte ${at} of the body altered`, headers, body: altered };
        }),
      ),
      hostileBodies.map((other) => ({ ...base, defect: 'webhook-forged', how: `${account.connector}: genuine signature over another body (${other.how})`, headers, body: other.body })),
      fc.constant({ ...base, defect: 'webhook-forged', how: `${account.connector}: genuine body, truncated`, headers, body: body.subarray(0, Math.floor(body.length / 2)) }),
    );
    if (signatureHeader) {
      cases.push(
        hostileSignatures.map((signature) => ({ ...base, defect: 'webhook-forged', how: `${account.connector}: genuine body, ${signatureHeader}: ${signature.slice(0, 20)}`, headers: { ...headers, [signatureHeader]: signature }, body })),
        fc.constant({ ...base, defect: 'webhook-forged', how: `${account.connector}: genuine body without ${signatureHeader}`, headers: withoutHeader(headers, signatureHeader), body }),
      );
    }
  }
  if (account.forged) {
    cases.push(fc.constant({ ...base, defect: 'webhook-forged', how: `${account.connector}: signed with another secret`, headers: flatHeaders(account.forged.headers), body: asBuffer(account.forged.body) }));
  }
  return fc.oneof(...cases);
}

function withoutHeader(headers: Record<string, string>, name: string): Record<string, string> {
  const copy = { ...headers };
  delete copy[name];
  return copy;
}

/** Testshop's wire format (libs/connectors/testshop), as far as a signed body can break it. */
const TESTSHOP_WIRE_EVENT: JsonSchema = {
  type: 'object',
  required: ['id', 'order_id', 'line_id', 'listing_id', 'status', 'quantity', 'occurred_at'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 255 },
    order_id: { type: 'string', minLength: 1, maxLength: 128 },
    line_id: { type: 'string', minLength: 1, maxLength: 128 },
    listing_id: { type: 'string', minLength: 1, maxLength: 255 },
    seller_sku: { type: 'string', nullable: true, maxLength: 255 },
    status: { type: 'string', enum: [...ORDER_LINE_STATUSES] },
    quantity: { type: 'integer', minimum: 0, maximum: 100_000 },
    occurred_at: { type: 'string', format: 'date-time' },
  },
};

/** How the service names the wire fields: the connector contract's OrderEvent. */
const EVENT_FIELD: Record<string, string> = {
  id: 'eventId',
  order_id: 'orderId',
  line_id: 'lineId',
  listing_id: 'listingId',
  seller_sku: 'sellerSku',
  status: 'status',
  quantity: 'quantity',
  occurred_at: 'occurredAt',
};

/**
 * Deliveries the channel really signed (the fuzz holds the account's secret) that are still malformed:
 * every event is checked before any is ingested, so one bad event refuses the delivery and writes nothing.
 */
function signedMalformedCases(account: WebhookAccount): fc.Arbitrary<FuzzCase> | undefined {
  const sign = account.sign;
  const genuine = account.genuine;
  if (!sign || !genuine || account.connector !== 'testshop') return undefined;
  const template = JSON.parse(asBuffer(genuine.body).toString()) as { events: Record<string, unknown>[] };
  const headers = flatHeaders(genuine.headers);
  const signed = (body: Buffer) => ({ ...headers, [sign.header]: sign.sign(body) });
  const base = { operation: WEBHOOK_OPERATION, method: 'POST', url: webhookUrl(account.id), defect: 'webhook-signed' };
  const brokenEvent = violation(TESTSHOP_WIRE_EVENT);
  if (!brokenEvent) return undefined;
  return fc.oneof(
    fc.tuple(brokenEvent, fc.nat({ max: 2 }), validValue(TESTSHOP_WIRE_EVENT)).map(([broken, at, other]) => {
      // The broken event among genuine and valid ones: nothing of the delivery may be ingested.
      const before = template.events.slice(0, at);
      const body = Buffer.from(JSON.stringify({ events: [...before, broken.value, other] }));
      const wireField = broken.path.length > 0 ? String(broken.path[0]) : undefined;
      return {
        ...base,
        how: `${formatPath(broken.path) || '(event)'}: ${broken.how}`,
        headers: signed(body),
        body,
        // Text no column can hold is refused as the channel spelt the field, before the connector reads it;
        // anything else is judged on the connector's events, by the contract's names.
        // An event that is not an object at all fails inside the connector's own reading of its format,
        // which is refused (400) but not field by field: no field is expected then.
        field: wireField ? `events[${before.length}].${broken.how === 'NUL or a lone surrogate' ? wireField : (EVENT_FIELD[wireField] ?? wireField)}` : undefined,
      };
    }),
    fc.constantFrom('not json', '', '[]', 'null', '{}', '{"events":{}}', '{"events":"x"}', '{"events":[1]}', '{"events":[null]}', '{"events":[[]]}').map((text) => {
      const body = Buffer.from(text);
      return { ...base, how: `signed body ${JSON.stringify(text)}`, headers: signed(body), body };
    }),
  );
}

/** Every malformed delivery the fuzz sends to the webhook route. */
export function webhookCases(accounts: WebhookAccount[], existingIds: string[]): fc.Arbitrary<FuzzCase> {
  const known = new Set(existingIds);
  // The path is the defect here: bytes no parser reads, so a body that is not JSON cannot be refused first.
  const unknownAccount = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/), hostileBodies).filter(([id]) => !known.has(id)).map(([id, body]) => ({
    operation: WEBHOOK_OPERATION,
    defect: 'path-unknown',
    how: `an account nobody connected: ${id}`,
    method: 'POST',
    url: webhookUrl(id),
    headers: { 'content-type': 'application/octet-stream' },
    body: body.body,
  }));
  const malformedAccount = fc.tuple(hostileString.filter((s) => !/^[a-z0-9][a-z0-9-]{0,63}$/.test(s)), hostileBodies).map(([id, body]) => ({
    operation: WEBHOOK_OPERATION,
    defect: 'path-form',
    how: `account id ${id.slice(0, 30)}`,
    method: 'POST',
    url: webhookUrl(id),
    headers: { 'content-type': 'application/octet-stream' },
    body: body.body,
    field: 'id',
  }));
  const perAccount = accounts.flatMap((account) => [forgedCases(account), signedMalformedCases(account)].filter((a): a is fc.Arbitrary<FuzzCase> => a !== undefined));
  return fc.oneof({ weight: 1, arbitrary: unknownAccount }, { weight: 1, arbitrary: malformedAccount }, ...perAccount.map((arbitrary) => ({ weight: 3, arbitrary })));
}
