import type { ConnectorOperation } from '@urikiri/connector-sdk';
import type { AxiosRequestConfig } from 'axios';
import type { AmazonOperation } from '../amazon-operations';

/** What the feed and report workflows need from the connector: paced, authenticated SP-API calls and document transfers. */
export interface AmazonCaller {
  /** One SP-API call, paced by both the kind's gate and the operation's own bucket; resolves to the body. */
  call<T>(
    kind: ConnectorOperation,
    operation: AmazonOperation,
    config: AxiosRequestConfig,
  ): Promise<T>;
  /** Uploads a feed document to its presigned URL (no SP-API token: the URL is the permission). */
  upload(url: string, body: string, contentType: string): Promise<void>;
  /** Downloads a feed result or report document from its presigned URL, as text. */
  download(url: string, compression?: 'GZIP'): Promise<string>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** Waits, doubling the pause from `startMs` up to `maxMs`, until `check` gives a value or `timeoutMs` passes. */
export async function pollUntil<T>(
  caller: AmazonCaller,
  options: { startMs: number; maxMs: number; timeoutMs: number },
  check: () => Promise<T | null>,
): Promise<T | null> {
  const deadline = caller.now() + options.timeoutMs;
  let pause = options.startMs;
  for (;;) {
    const value = await check();
    if (value !== null) {
      return value;
    }
    const left = deadline - caller.now();
    if (left <= 0) {
      return null;
    }
    await caller.sleep(Math.min(pause, left));
    pause = Math.min(pause * 2, options.maxMs);
  }
}
