import { parseCsvTable } from './csv-table';

describe('parseCsvTable', () => {
  it('refuses a header that names a column twice, strict or not', () => {
    const twice = { row: 1, column: 'code', reason: 'the header names this column twice' };
    expect(parseCsvTable('code,name,code\n', { columns: ['code', 'name'] })).toEqual({ rows: [], errors: [twice] });
    expect(parseCsvTable('code,name,code\nA,B,C\n', { columns: ['code', 'name'], strict: true })).toEqual({ rows: [], errors: [twice] });
  });

  it('keeps extra columns of a lenient table and reads its rows', () => {
    expect(parseCsvTable('code,name,notes\nA,B,keep\n', { columns: ['code', 'name'] })).toEqual({ rows: [{ code: 'A', name: 'B', notes: 'keep' }], errors: [] });
  });
});
