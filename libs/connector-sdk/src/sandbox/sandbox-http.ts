import type { IncomingHttpHeaders } from 'node:http';
import { XMLBuilder } from 'fast-xml-parser';

export interface SandboxRequest {
  method: string;
  path: string;
  /** Values of `:name` segments of the route path. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body read by its content type: JSON, XML (as an object) or form fields; else the text. */
  body: unknown;
  /** Records how many listings this call carried, so tests can check bulk limits were respected. */
  countItems(count: number): void;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type SandboxHandler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface SandboxRoute {
  method: string;
  /** Path pattern with `:name` segments, e.g. `/es/2.0/inventories/manage-numbers/:manageNumber`. */
  path: string;
  /** The operation this call counts against (rate limits, faults, request log): push, read, orders... */
  operation: string;
  handler: SandboxHandler;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

export function xmlResponse(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml; charset=utf-8', ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>${xmlBuilder.build(body)}`,
  };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers };
}
