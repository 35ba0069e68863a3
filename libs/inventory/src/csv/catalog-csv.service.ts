import type { MikroORM } from '@mikro-orm/core';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import { createLocationSchema, createProductSchema } from '../catalog/catalog.schema';
import { BundleComponent } from '../entities/bundle-component.entity';
import { Location } from '../entities/location.entity';
import { Product } from '../entities/product.entity';
import { StockLevel } from '../entities/stock-level.entity';
import { InventoryLedger } from '../ledger/inventory-ledger';
import { codeSchema, positiveQuantitySchema } from '../ledger/ledger-commands.schema';
import { LedgerValidationError } from '../ledger/ledger-errors';
import { CSV_COLUMNS, CSV_KINDS, type CsvImportReport, type CsvKind, type CsvRowError } from './csv-row-error';
import { CsvRowChecks } from './csv-row-checks';
import { parseCsvTable, type CsvRow } from './csv-table';

/**
 * Bulk import and export of the catalogue and opening stock. Every row is checked (against the
 * database and the rows above it) before anything is written; one bad row and nothing is imported.
 */
export class CatalogCsvService {
  constructor(
    private readonly orm: MikroORM,
    private readonly ledger: InventoryLedger = new InventoryLedger(orm),
  ) {}

  async import(kind: CsvKind, text: string, options: { dryRun?: boolean } = {}): Promise<CsvImportReport> {
    if (!CSV_KINDS.includes(kind)) {
      throw new LedgerValidationError([{ path: 'kind', message: `must be one of ${CSV_KINDS.join(', ')}` }]);
    }
    const dryRun = options.dryRun ?? false;
    const parsed = parseCsvTable(text, { columns: CSV_COLUMNS[kind] });
    if (parsed.errors.length) return { kind, dryRun, rows: parsed.rows.length, imported: 0, errors: parsed.errors };
    const errors = await this.check(kind, parsed.rows);
    if (errors.length || dryRun) return { kind, dryRun, rows: parsed.rows.length, imported: 0, errors };
    const imported = await this.write(kind, parsed.rows, text);
    return { kind, dryRun, rows: parsed.rows.length, imported, errors: [] };
  }

  async export(kind: CsvKind): Promise<string> {
    const em = this.orm.em.fork();
    const columns = CSV_COLUMNS[kind];
    let records: string[][] = [];
    if (kind === 'locations') {
      records = (await em.find(Location, {}, { orderBy: { priority: 'asc', id: 'asc' } })).map((l) => [l.code, l.name, l.kind, String(l.sellable), String(l.priority)]);
    } else if (kind === 'products') {
      records = (await em.find(Product, { kind: 'sku' }, { orderBy: { code: 'asc' } })).map((p) => [p.code, p.name, p.jan ?? '', p.tags.join('|')]);
    } else {
      const products = new Map((await em.find(Product, {})).map((p) => [p.id, p]));
      if (kind === 'bundles') {
        const lines = await em.find(BundleComponent, {}, { orderBy: { bundleId: 'asc', id: 'asc' } });
        records = lines.map((l) => {
          const bundle = products.get(l.bundleId) as Product;
          return [bundle.code, bundle.name, products.get(l.componentId)?.code ?? '', String(l.quantity)];
        });
      } else {
        const locations = new Map((await em.find(Location, {})).map((l) => [l.id, l.code]));
        const levels = await em.find(StockLevel, { onHand: { $gt: 0 } }, { orderBy: { productId: 'asc', locationId: 'asc' } });
        records = levels.map((s) => [products.get(s.productId)?.code ?? '', locations.get(s.locationId) ?? '', String(s.onHand)]);
      }
    }
    return stringify([columns, ...records]);
  }

  private async check(kind: CsvKind, rows: CsvRow[]): Promise<CsvRowError[]> {
    const em = this.orm.em.fork();
    const checks = new CsvRowChecks();
    const existingProducts = new Map((await em.find(Product, {})).map((p) => [p.code, p.kind]));
    const existingLocations = new Set((await em.find(Location, {})).map((l) => l.code));

    rows.forEach((row, i) => {
      if (kind === 'locations') {
        const parsed = createLocationSchema.safeParse(locationFromRow(row));
        if (!parsed.success) parsed.error.issues.forEach((issue) => checks.fail(i, String(issue.path[0] ?? ''), issue.message));
        if (existingLocations.has(row['code'])) checks.fail(i, 'code', `location '${row['code']}' already exists`);
        checks.once(i, 'code', row['code']);
      } else if (kind === 'products') {
        const parsed = createProductSchema.safeParse(productFromRow(row));
        if (!parsed.success) parsed.error.issues.forEach((issue) => checks.fail(i, String(issue.path[0] ?? ''), issue.message));
        if (existingProducts.has(row['code'])) checks.fail(i, 'code', `product '${row['code']}' already exists`);
        checks.once(i, 'code', row['code']);
      } else if (kind === 'bundles') {
        checks.field(i, 'bundle_code', codeSchema, row['bundle_code']);
        if (!row['bundle_name']) checks.fail(i, 'bundle_name', 'must not be empty');
        if (existingProducts.has(row['bundle_code'])) checks.fail(i, 'bundle_code', `product '${row['bundle_code']}' already exists`);
        const component = existingProducts.get(row['component_sku']);
        if (!component) checks.fail(i, 'component_sku', `SKU '${row['component_sku']}' does not exist; import products first`);
        else if (component !== 'sku') checks.fail(i, 'component_sku', `'${row['component_sku']}' is a bundle; components must be SKUs`);
        checks.field(i, 'quantity', positiveQuantitySchema, toInt(row['quantity']));
        checks.once(i, 'component_sku', `${row['bundle_code']}→${row['component_sku']}`);
      } else {
        const kindOf = existingProducts.get(row['sku']);
        if (!kindOf) checks.fail(i, 'sku', `SKU '${row['sku']}' does not exist; import products first`);
        else if (kindOf !== 'sku') checks.fail(i, 'sku', `'${row['sku']}' is a bundle; give opening stock for its component SKUs`);
        if (!existingLocations.has(row['location'])) checks.fail(i, 'location', `location '${row['location']}' does not exist; import locations first`);
        checks.field(i, 'quantity', positiveQuantitySchema, toInt(row['quantity']));
      }
    });
    return checks.errors;
  }

  private async write(kind: CsvKind, rows: CsvRow[], text: string): Promise<number> {
    if (kind === 'stock') {
      // Opening stock goes through the ledger as receipts. Keys derive from the file and row, so
      // importing the same file again (say after an interruption) completes it without doubling.
      const fileHash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      for (const [i, row] of rows.entries()) {
        await this.ledger.receive({
          idempotencyKey: `import:${fileHash}:${i + 2}`,
          sku: row['sku'],
          location: row['location'],
          quantity: Number(toInt(row['quantity'])),
          reference: { type: 'import', id: fileHash },
        });
      }
      return rows.length;
    }
    await this.orm.em.fork().transactional(async (em) => {
      if (kind === 'locations') {
        for (const row of rows) em.create(Location, { ...createLocationSchema.parse(locationFromRow(row)), createdAt: new Date() });
      } else if (kind === 'products') {
        for (const row of rows) {
          const p = createProductSchema.parse(productFromRow(row));
          em.create(Product, { code: p.code, name: p.name, jan: p.jan ?? null, tags: p.tags, kind: 'sku', createdAt: new Date() });
        }
      } else {
        const components = new Map((await em.find(Product, { kind: 'sku' })).map((p) => [p.code, p.id]));
        const bundles = new Map<string, Product>();
        for (const row of rows) {
          if (!bundles.has(row['bundle_code'])) {
            bundles.set(row['bundle_code'], em.create(Product, { code: row['bundle_code'], name: row['bundle_name'], tags: [], kind: 'bundle', createdAt: new Date() }));
          }
        }
        await em.flush();
        for (const row of rows) {
          em.create(BundleComponent, {
            bundleId: (bundles.get(row['bundle_code']) as Product).id,
            componentId: components.get(row['component_sku']) as number,
            quantity: Number(toInt(row['quantity'])),
          });
        }
      }
    });
    return rows.length;
  }
}

function toInt(value: string | undefined): number | string | undefined {
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : value;
}

function locationFromRow(row: CsvRow) {
  const sellable = row['sellable'] === '' ? undefined : row['sellable'] === 'true' ? true : row['sellable'] === 'false' ? false : row['sellable'];
  return {
    code: row['code'],
    name: row['name'],
    kind: row['kind'] || undefined,
    sellable,
    priority: row['priority'] === '' ? undefined : toInt(row['priority']),
  };
}

function productFromRow(row: CsvRow) {
  return {
    code: row['code'],
    name: row['name'],
    jan: row['jan'] || undefined,
    tags: row['tags'] ? row['tags'].split('|').map((t) => t.trim()).filter(Boolean) : [],
  };
}
