export interface RequestLogEntry {
  seq: number;
  /** Clock time the call arrived. */
  at: number;
  method: string;
  path: string;
  operation: string;
  status: number;
  /** Listings the call carried, when the route counts them. */
  itemCount: number | null;
  fault: string | null;
}

/** Every call a sandbox received, for tests that check pacing, bulk sizes and retries. */
export class RequestLog {
  private readonly list: RequestLogEntry[] = [];

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { ...entry, seq: this.list.length + 1 };
    this.list.push(full);
    return full;
  }

  entries(operation?: string): RequestLogEntry[] {
    return operation === undefined ? [...this.list] : this.list.filter((e) => e.operation === operation);
  }

  clear(): void {
    this.list.length = 0;
  }
}
