/** An answer of the service that was not what the caller asked for, with what the service said. */
export class ServiceApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${describeBody(body)}`);
    this.name = 'ServiceApiError';
  }
}

function describeBody(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 500);
  const record = body as { message?: unknown; issues?: unknown; errors?: unknown } | null;
  const details = record?.issues ?? record?.errors;
  const message = typeof record?.message === 'string' ? record.message : JSON.stringify(body).slice(0, 500);
  return details ? `${message} ${JSON.stringify(details).slice(0, 500)}` : message;
}

export interface CallOptions {
  json?: unknown;
  /** Sent as text/csv. */
  csv?: string;
  /** Statuses that are answers rather than errors (2xx always are). */
  accept?: readonly number[];
}

export interface CallResult<T> {
  status: number;
  body: T;
}

/**
 * The core service's HTTP API as the tools use it: `/api/v1` paths, an API key, JSON or CSV in,
 * JSON out, and a ServiceApiError naming the route and the service's own message otherwise.
 */
export class ServiceApi {
  constructor(
    /** The service's root, e.g. http://127.0.0.1:3000 (no /api/v1). */
    readonly baseUrl: string,
    readonly key: string,
  ) {}

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}` };
    let body: string | undefined;
    if (options.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = options.csv;
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    const parsed: unknown = response.headers.get('content-type')?.includes('application/json') ? JSON.parse(text) : text;
    if (!response.ok && !(options.accept ?? []).includes(response.status)) {
      throw new ServiceApiError(method, path, response.status, parsed);
    }
    return { status: response.status, body: parsed as T };
  }

  async get<T>(path: string): Promise<T> {
    return (await this.call<T>('GET', path)).body;
  }

  async post<T>(path: string, json?: unknown): Promise<T> {
    return (await this.call<T>('POST', path, { json: json ?? {} })).body;
  }

  async postCsv<T>(path: string, csv: string): Promise<T> {
    return (await this.call<T>('POST', path, { csv })).body;
  }

  async put<T>(path: string, json: unknown): Promise<T> {
    return (await this.call<T>('PUT', path, { json })).body;
  }
}
