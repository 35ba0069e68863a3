import { gtinKey, gtinSpellings } from './gtin';

describe('GTIN keys', () => {
  it('treats a code with or without leading zeros as one article', () => {
    expect(gtinKey('4901234567894')).toBe('04901234567894');
    expect(gtinKey('04901234567894')).toBe('04901234567894');
    expect(gtinKey(' 4901234-567894 ')).toBe('04901234567894');
    expect(gtinKey('012345678905')).toBe(gtinKey('0012345678905'));
  });

  it('refuses what is not a barcode', () => {
    expect([gtinKey(null), gtinKey(''), gtinKey('ABC'), gtinKey('1234567'), gtinKey('123456789012345')]).toEqual([null, null, null, null, null]);
  });

  it('lists every length the code can be stored with', () => {
    expect(gtinSpellings('04901234567894')).toEqual(['4901234567894', '04901234567894']);
    expect(gtinSpellings('00000012345670')).toEqual(['12345670', '000012345670', '0000012345670', '00000012345670']);
  });
});
