import type { MikroORM } from '@mikro-orm/core';
import { Product } from '@urikiri/inventory';
import { Listing } from './entities/listing.entity';

/** Listings: which channel item sells which of our SKUs or bundles. */
export class ListingService {
  constructor(private readonly orm: MikroORM) {}

  async add(input: { accountId: string; channelListingId: string; sku: string }): Promise<Listing> {
    const em = this.orm.em.fork();
    const product = await em.findOne(Product, { code: input.sku });
    if (!product) throw new Error(`product '${input.sku}' does not exist`);
    const listing = em.create(Listing, { accountId: input.accountId, channelListingId: input.channelListingId, productId: product.id });
    await em.persistAndFlush(listing);
    return listing;
  }

  async get(id: number): Promise<Listing> {
    const listing = await this.orm.em.fork().findOne(Listing, { id });
    if (!listing) throw new Error(`listing ${id} does not exist`);
    return listing;
  }

  /** Emergency stop for one listing: frozen at its current value until lifted. */
  async setStopped(id: number, stopped: boolean): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Listing, { id }, { stopped });
  }
}
