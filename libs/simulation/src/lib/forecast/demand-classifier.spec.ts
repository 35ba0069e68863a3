import { classifyDemand } from './demand-classifier';

const all = (n: number) => Array.from({ length: n }, () => true);

describe('classifyDemand', () => {
  it.each([
    ['smooth', [5, 6, 5, 4, 6, 5, 5, 6]],
    ['erratic', [1, 20, 2, 15, 1, 30, 2, 1]],
    ['intermittent', [0, 0, 3, 0, 0, 3, 0, 4, 0, 0, 3, 0]],
    ['lumpy', [0, 0, 1, 0, 0, 20, 0, 2, 0, 0, 15, 0]],
    ['no-demand', [0, 0, 0]],
  ])('classifies %s demand', (pattern, values) => {
    expect(classifyDemand(values, all(values.length)).pattern).toBe(pattern);
  });

  it('leaves promotional periods out of ADI and CV²', () => {
    const values = [0, 0, 9, 0, 0, 9, 0, 0, 9];
    const promoIsTheOnlyDemand = values.map((v) => v === 0);
    expect(classifyDemand(values, promoIsTheOnlyDemand).pattern).toBe('no-demand');
    expect(classifyDemand(values, all(9))).toMatchObject({ adi: 3, cv2: 0 });
  });
});
