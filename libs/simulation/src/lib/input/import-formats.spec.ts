import { parseCampaignsCsv, parseSalesHistoryCsv, parseStockCsv } from './import-formats';

describe('CSV imports', () => {
  it('reads sales history, dates without a zone in Asia/Tokyo', () => {
    const parsed = parseSalesHistoryCsv(
      'date,channel,sku,quantity,price,campaign_id,promo\n2026-12-04,rakuten,CUP,3,"1,980",ss-1,\n2026-12-05T09:30+00:00,amazon,CUP,1,,,yes\n',
    );
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { date: Date.parse('2026-12-03T15:00:00Z'), channel: 'rakuten', sku: 'CUP', quantity: 3, price: 1980, campaign_id: 'ss-1', promo: false },
        { date: Date.parse('2026-12-05T09:30:00Z'), channel: 'amazon', sku: 'CUP', quantity: 1, price: undefined, campaign_id: '', promo: true },
      ],
    });
  });

  it('names the row (as a spreadsheet numbers it) and the column of every problem', () => {
    const parsed = parseSalesHistoryCsv(
      'date,channel,sku,quantity\n2026-12-04,rakuten,CUP,2\n2026-13-01,Rakuten,CUP,-1\n,amazon,,x\n',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'date'],
      [3, 'channel'],
      [3, 'quantity'],
      [4, 'date'],
      [4, 'sku'],
      [4, 'quantity'],
    ]);
    expect(parsed.issues[0].reason).toContain('2026-12-04T20:00');
    expect(parsed.issues[2].reason).toBe('"-1" must be a whole number of units, 0 or more');
  });

  it('says which header columns are missing', () => {
    const parsed = parseStockCsv('sku,lead_time_days\nCUP,7\n');
    expect(parsed).toMatchObject({ ok: false, issues: [{ row: 1, column: 'on_hand' }] });
  });

  it('checks campaign kinds and that a campaign ends after it starts', () => {
    const parsed = parseCampaignsCsv(
      'campaign_id,channel,kind,from,to\nss,rakuten,super-sale,2026-12-04,2026-12-11\nnl,shopify,newsletter,2026-12-04,2026-12-04\n',
    );
    expect(parsed).toMatchObject({ ok: false, issues: [{ row: 2, column: 'kind' }] });
    const ordered = parseCampaignsCsv('campaign_id,channel,kind,from,to\nnl,shopify,newsletter,2026-12-04,2026-12-04\n');
    expect(ordered).toMatchObject({ ok: false, issues: [{ row: 2, column: 'to', reason: 'must be later than from' }] });
  });

  it('reads stock lists of tags', () => {
    expect(parseStockCsv('sku,on_hand,lead_time_days,category,tags\nCUP,12,7,kitchen,sale|gift\n')).toMatchObject({
      ok: true,
      rows: [{ sku: 'CUP', on_hand: 12, lead_time_days: 7, category: 'kitchen', tags: ['sale', 'gift'] }],
    });
  });
});
