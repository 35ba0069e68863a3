import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from '../src/messages.js';
import { loadLang, setLang, t } from '../src/i18n.js';

const SRC = join(__dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.js') ? [readFileSync(join(dir, entry.name), 'utf8')] : [],
  );
}

describe('texts', () => {
  afterEach(() => setLang('ja', undefined));

  it('exist in Japanese and English with the same keys and placeholders', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.ja).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const ja: Record<string, string> = MESSAGES.ja;
    for (const [key, text] of Object.entries(MESSAGES.en as Record<string, string>)) expect([key, placeholders(text)]).toEqual([key, placeholders(ja[key])]);
  });

  it('cover every literal key the pages ask for', () => {
    const used = sources(SRC).flatMap((code) => [...code.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((key) => !(key in MESSAGES.ja))).toEqual([]);
  });

  it('name every severity of the rule engine\'s risks', () => {
    for (const severity of ['high', 'warning', 'info']) expect([severity, `risk.${severity}` in MESSAGES.ja]).toEqual([severity, true]);
  });

  it('are Japanese unless English was chosen, with placeholders filled', () => {
    expect(loadLang({ getItem: () => null })).toBe('ja');
    expect(t('stock.count', { n: '1,234', threshold: 5 })).toBe('1,234 件 (在庫僅少: 販売可能 5 個以下)');
    expect(loadLang({ getItem: () => 'en' })).toBe('en');
    expect(t('stock.count', { n: '1,234', threshold: 5 })).toBe('1,234 SKUs (low stock: 5 sellable units or fewer)');
    expect(t('no.such.key')).toBe('no.such.key');
  });
});
