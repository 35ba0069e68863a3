import type { Logger } from '@nestjs/common';
import { ThrottledWarning } from './throttled-warning';

describe('ThrottledWarning', () => {
  it('warns once per interval and says how often it happened meanwhile', () => {
    const warnings: unknown[] = [];
    const logger = { warn: (details: unknown) => warnings.push(details) } as unknown as Logger;
    let now = 0;
    const warning = new ThrottledWarning(logger, 'dropped', 1000, () => now);
    warning.warn(new Error('down'));
    now = 500;
    warning.warn('still down');
    warning.warn('still down');
    now = 1500;
    warning.warn('still down');
    expect(warnings).toEqual([
      { reason: 'down', occurrences: 1 },
      { reason: 'still down', occurrences: 3 },
    ]);
  });
});
