import { ScenarioOptionError } from './load-scenario';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `5m`, `90s`, `1500ms`, `1h` → milliseconds; a clear error naming the option otherwise. */
export function parseDuration(option: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2]] : NaN;
  if (!(ms >= 1)) throw new ScenarioOptionError(option, 'a duration such as 5m, 90s or 1500ms', value);
  return ms;
}

/** `interval5m`, `interval90s`: the report key of a periodic mode, from the option as written. */
export function intervalKey(value: string): string {
  return `interval${value.trim()}`;
}
