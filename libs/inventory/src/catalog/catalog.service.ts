import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { BundleComponent } from '../entities/bundle-component.entity';
import { Location } from '../entities/location.entity';
import { Product } from '../entities/product.entity';
import { PurchaseOrder } from '../entities/purchase-order.entity';
import { TransactionRunner } from '../persistence/transaction-runner';
import { DuplicateError, InvalidStateError, LedgerValidationError, NotFoundError } from '../ledger/ledger-errors';
import { validate } from '../ledger/validate';
import {
  createBundleSchema,
  createLocationSchema,
  createProductSchema,
  createPurchaseOrderSchema,
  listProductsSchema,
  type CreateBundleInput,
  type CreateLocationInput,
  type CreateProductInput,
  type CreatePurchaseOrderInput,
  type ListProductsQuery,
} from './catalog.schema';
import type { LocationView, ProductView, PurchaseOrderView } from './catalog-views';

/** Products, bundles, locations and purchase orders: what the ledger counts, and where. */
export class CatalogService {
  constructor(private readonly orm: MikroORM) {}

  async createProduct(input: CreateProductInput): Promise<ProductView> {
    const data = validate(createProductSchema, input);
    const em = this.orm.em.fork();
    const product = em.create(Product, { code: data.code, name: data.name, jan: data.jan ?? null, tags: data.tags, kind: 'sku', createdAt: new Date() });
    await this.flushUnique(() => em.persistAndFlush(product), 'product', data.code);
    return productView(product, undefined);
  }

  /** A bundle and its bill of materials are written together or not at all. */
  async createBundle(input: CreateBundleInput): Promise<ProductView> {
    const data = validate(createBundleSchema, input);
    const em = this.orm.em.fork();
    const components = await em.find(Product, { code: { $in: data.components.map((c) => c.sku) } });
    const issues = data.components.flatMap((c, i) => {
      const found = components.find((p) => p.code === c.sku);
      if (!found) return [{ path: `components[${i}].sku`, message: `SKU '${c.sku}' does not exist; create it first` }];
      if (found.kind !== 'sku') return [{ path: `components[${i}].sku`, message: `'${c.sku}' is a bundle; components must be SKUs` }];
      return [];
    });
    if (issues.length) throw new LedgerValidationError(issues);
    const bundle = await this.flushUnique(
      () =>
        em.transactional(async (tem) => {
          const created = tem.create(Product, { code: data.code, name: data.name, jan: data.jan ?? null, tags: data.tags, kind: 'bundle', createdAt: new Date() });
          await tem.flush();
          for (const c of data.components) {
            const component = components.find((p) => p.code === c.sku) as Product;
            tem.create(BundleComponent, { bundleId: created.id, componentId: component.id, quantity: c.quantity });
          }
          return created;
        }),
      'product',
      data.code,
    );
    return productView(bundle, data.components.map((c) => ({ sku: c.sku, quantity: c.quantity })));
  }

  async getProduct(code: string): Promise<ProductView> {
    const em = this.orm.em.fork();
    const product = await em.findOne(Product, { code });
    if (!product) throw new NotFoundError('product', code);
    return productView(product, product.kind === 'bundle' ? await this.componentsOf(product.id) : undefined);
  }

  async listProducts(query: ListProductsQuery = {}): Promise<{ items: ProductView[]; total: number }> {
    const q = validate(listProductsSchema, query);
    const em = this.orm.em.fork();
    const where: Record<string, unknown> = {};
    if (q.kind) where['kind'] = q.kind;
    if (q.search) where['$or'] = [{ code: { $like: `%${q.search}%` } }, { name: { $like: `%${q.search}%` } }, { jan: q.search }];
    if (q.tag) where['id'] = { $in: await this.idsTagged(q.tag) };
    const [page, total] = await em.findAndCount(Product, where, { orderBy: { code: 'asc' }, limit: q.limit, offset: q.offset });
    return { items: page.map((p) => productView(p, undefined)), total };
  }

  async createLocation(input: CreateLocationInput): Promise<LocationView> {
    const data = validate(createLocationSchema, input);
    const em = this.orm.em.fork();
    const location = em.create(Location, { ...data, createdAt: new Date() });
    await this.flushUnique(() => em.persistAndFlush(location), 'location', data.code);
    return locationView(location);
  }

  async listLocations(): Promise<LocationView[]> {
    const em = this.orm.em.fork();
    return (await em.find(Location, {}, { orderBy: { priority: 'asc', id: 'asc' } })).map(locationView);
  }

  async createPurchaseOrder(input: CreatePurchaseOrderInput): Promise<PurchaseOrderView> {
    const data = validate(createPurchaseOrderSchema, input);
    const em = this.orm.em.fork();
    const product = await em.findOne(Product, { code: data.sku });
    if (!product) throw new NotFoundError('product', data.sku);
    if (product.kind !== 'sku') throw new InvalidStateError(`'${data.sku}' is a bundle; order its component SKUs`);
    const location = await em.findOne(Location, { code: data.location });
    if (!location) throw new NotFoundError('location', data.location);
    const po = em.create(PurchaseOrder, {
      reference: data.reference, productId: product.id, locationId: location.id, quantity: data.quantity,
      expectedAt: data.expectedAt, createdAt: new Date(),
    });
    await this.flushUnique(() => em.persistAndFlush(po), 'purchase_order', data.reference);
    return { reference: po.reference, sku: product.code, location: location.code, quantity: po.quantity, receivedQuantity: 0, expectedAt: po.expectedAt.toISOString(), status: po.status };
  }

  async listPurchaseOrders(filter: { sku?: string; status?: 'open' | 'received' | 'cancelled' } = {}): Promise<PurchaseOrderView[]> {
    const em = this.orm.em.fork();
    const where: Record<string, unknown> = {};
    if (filter.status) where['status'] = filter.status;
    if (filter.sku) {
      const product = await em.findOne(Product, { code: filter.sku });
      if (!product) throw new NotFoundError('product', filter.sku);
      where['productId'] = product.id;
    }
    const orders = await em.find(PurchaseOrder, where, { orderBy: { expectedAt: 'asc', id: 'asc' } });
    const products = new Map((await em.find(Product, { id: { $in: orders.map((o) => o.productId) } })).map((p) => [p.id, p.code]));
    const locations = new Map((await em.find(Location, {})).map((l) => [l.id, l.code]));
    return orders.map((o) => ({
      reference: o.reference, sku: products.get(o.productId) ?? '', location: locations.get(o.locationId) ?? '',
      quantity: o.quantity, receivedQuantity: o.receivedQuantity, expectedAt: o.expectedAt.toISOString(), status: o.status,
    }));
  }

  /** Tags are a JSON array; matching its quoted element as text works the same on both databases. */
  private async idsTagged(tag: string): Promise<number[]> {
    const sql = new TransactionRunner(this.orm).session();
    const column = sql.isPostgres ? 'CAST(tags AS text)' : 'tags';
    const rows = await sql.all<{ id: number }>(`SELECT id FROM product WHERE ${column} LIKE ?`, [`%${JSON.stringify(tag)}%`]);
    return rows.map((r) => Number(r.id));
  }

  private async componentsOf(bundleId: number): Promise<Array<{ sku: string; quantity: number }>> {
    const em = this.orm.em.fork();
    const lines = await em.find(BundleComponent, { bundleId }, { orderBy: { id: 'asc' } });
    const products = new Map((await em.find(Product, { id: { $in: lines.map((l) => l.componentId) } })).map((p) => [p.id, p.code]));
    return lines.map((l) => ({ sku: products.get(l.componentId) ?? '', quantity: l.quantity }));
  }

  private async flushUnique<T>(write: () => Promise<T>, entity: 'product' | 'location' | 'purchase_order', key: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new DuplicateError(entity, key);
      throw error;
    }
  }
}

function productView(p: Product, components: Array<{ sku: string; quantity: number }> | undefined): ProductView {
  return {
    code: p.code, name: p.name, jan: p.jan ?? null, tags: p.tags, kind: p.kind,
    ...(components ? { components } : {}),
    createdAt: p.createdAt.toISOString(),
  };
}

function locationView(l: Location): LocationView {
  return { code: l.code, name: l.name, kind: l.kind, sellable: l.sellable, priority: l.priority };
}
