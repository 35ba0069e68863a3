import { Agent, request } from 'node:http';
import type { FuzzCase } from './fuzz-case';

export interface Answer {
  status: number;
  /** From sending the first byte to the last byte of the answer. */
  ms: number;
  contentType: string;
  text: string;
  /** Set when no answer came: the connection failed or the time ran out. */
  error?: string;
}

const TIMEOUT_MS = 30_000;

/**
 * Sends requests exactly as built (node:http, not fetch, so header and body bytes are not
 * normalised), several at a time over kept-alive connections.
 */
export class FuzzClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    readonly concurrency = 8,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  /**
   * A kept-alive connection the server has just closed (it may answer 413 before reading a large
   * body, then close) resets the next request sent on it before any answer: that request is sent
   * once more on a connection of its own. A second reset is a real failure and is reported.
   */
  async send(fuzzCase: FuzzCase): Promise<Answer> {
    const answer = await this.sendOnce(fuzzCase, this.agent);
    if (answer.status !== 0 || !/ECONNRESET|EPIPE|socket hang up/.test(answer.error ?? '')) return answer;
    return this.sendOnce(fuzzCase, false);
  }

  private sendOnce(fuzzCase: FuzzCase, agent: Agent | false): Promise<Answer> {
    const target = new URL(this.baseUrl);
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const done = (answer: Omit<Answer, 'ms'>) => {
        if (!settled) {
          settled = true;
          resolve({ ...answer, ms: performance.now() - started });
        }
      };
      const outgoing = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: fuzzCase.method,
          path: fuzzCase.url,
          headers: { ...fuzzCase.headers, ...(fuzzCase.body ? { 'content-length': String(fuzzCase.body.length) } : {}) },
          timeout: TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            done({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', (error) => done({ status: response.statusCode ?? 0, contentType: '', text: '', error: error.message }));
        },
      );
      outgoing.on('timeout', () => {
        outgoing.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`));
      });
      // A server may answer (413) before a large body is sent and close: the answer, not the broken pipe, counts.
      outgoing.on('error', (error) => setTimeout(() => done({ status: 0, contentType: '', text: '', error: error.message }), 50));
      outgoing.end(fuzzCase.body);
    });
  }

  /** Every case, `concurrency` at a time; answers in the order of the cases. */
  async sendAll(cases: FuzzCase[], onAnswer: (fuzzCase: FuzzCase, answer: Answer) => void): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const fuzzCase = cases[next++];
        onAnswer(fuzzCase, await this.send(fuzzCase));
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
  }

  close(): void {
    this.agent.destroy();
  }
}
