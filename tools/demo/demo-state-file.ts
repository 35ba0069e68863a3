import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the in-memory sandboxes must remember across restarts (everything else is re-seeded). */
export interface DemoState {
  shopifyLastRecordNumber?: number;
}

/**
 * The demo's small state file under ./data. Written whole through a temporary file and a rename, so
 * a process stopped in the middle of a write leaves the previous state, never half a file.
 */
export class DemoStateFile {
  constructor(readonly path: string) {}

  read(): DemoState {
    if (!existsSync(this.path)) return {};
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as DemoState;
    } catch {
      return {};
    }
  }

  update(change: Partial<DemoState>): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, JSON.stringify({ ...this.read(), ...change }, null, 2));
    renameSync(temporary, this.path);
  }
}
