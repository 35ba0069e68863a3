import type { DemoChannelId } from './demo-channel-ids';

// The demo shop: a small Japanese tea and homeware seller with two warehouses it sells from and a
// returns area it does not, on four channels. Everything here is fixed, so a restarted demo finds
// the same listings on its sandboxes as the service has mapped.

export interface DemoLocation {
  code: string;
  name: string;
  sellable: boolean;
  priority: number;
}

export interface DemoProduct {
  code: string;
  name: string;
  jan: string;
  tags: string[];
  /** Present on bundles (セット商品): the component SKUs and how many of each one set takes. */
  components?: Array<{ sku: string; quantity: number }>;
  /** The channel's own id of the item, in each channel's format (see docs/channels). */
  listings: Record<DemoChannelId, string>;
}

export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  { code: 'WH-TOKYO', name: '東京倉庫', sellable: true, priority: 1 },
  { code: 'WH-OSAKA', name: '大阪倉庫', sellable: true, priority: 2 },
  // Units waiting to be checked after a return: counted on hand, never offered on a channel.
  { code: 'RETURNS-HOLD', name: '返品検品エリア', sellable: false, priority: 9 },
];

// Shopify ids are numeric: an inventory item at the shop's one location.
export const SHOPIFY_LOCATION = '71000000001';
export const SHOPIFY_LOCATION_NAMES: Record<string, string> = { [SHOPIFY_LOCATION]: '東京倉庫' };
const shopifyItem = (n: number) => `${44000000100 + n}@${SHOPIFY_LOCATION}`;

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    code: 'TEA-SENCHA-100',
    name: '静岡 深蒸し煎茶 100g',
    jan: '4589012340015',
    tags: ['tea'],
    listings: { amazon: 'TEA-SENCHA-100', rakuten: 'fukamushi-sencha:100g', shopify: shopifyItem(1), yahoo: 'fukamushi-sencha-100' },
  },
  {
    code: 'TEA-GENMAI-200',
    name: '抹茶入り玄米茶 200g',
    jan: '4589012340022',
    tags: ['tea'],
    listings: { amazon: 'TEA-GENMAI-200', rakuten: 'genmaicha:200g', shopify: shopifyItem(2), yahoo: 'genmaicha-200' },
  },
  {
    code: 'TEA-MATCHA-30',
    name: '宇治抹茶 30g',
    jan: '4589012340039',
    tags: ['tea', 'super-sale'],
    listings: { amazon: 'TEA-MATCHA-30', rakuten: 'uji-matcha:30g', shopify: shopifyItem(3), yahoo: 'uji-matcha-30' },
  },
  {
    code: 'YUNOMI-KON',
    name: '有田焼 湯呑み 紺',
    jan: '4589012340046',
    tags: ['tableware'],
    listings: { amazon: 'YUNOMI-KON', rakuten: 'arita-yunomi:kon', shopify: shopifyItem(4), yahoo: 'arita-yunomi:kon' },
  },
  {
    code: 'YUNOMI-SHIRO',
    name: '有田焼 湯呑み 白',
    jan: '4589012340053',
    tags: ['tableware'],
    listings: { amazon: 'YUNOMI-SHIRO', rakuten: 'arita-yunomi:shiro', shopify: shopifyItem(5), yahoo: 'arita-yunomi:shiro' },
  },
  {
    code: 'TOWEL-IMABARI',
    name: '今治タオル フェイスタオル 生成り',
    jan: '4589012340060',
    tags: ['textile'],
    listings: { amazon: 'TOWEL-IMABARI', rakuten: 'imabari-towel:face', shopify: shopifyItem(6), yahoo: 'imabari-towel-face' },
  },
  {
    code: 'FUROSHIKI-70',
    name: '風呂敷 70cm 麻の葉',
    jan: '4589012340077',
    tags: ['textile', 'super-sale'],
    listings: { amazon: 'FUROSHIKI-70', rakuten: 'furoshiki-70:asanoha', shopify: shopifyItem(7), yahoo: 'furoshiki-70' },
  },
  {
    code: 'SENSU-SAKURA',
    name: '京扇子 桜',
    jan: '4589012340084',
    tags: ['accessory'],
    listings: { amazon: 'SENSU-SAKURA', rakuten: 'kyo-sensu:sakura', shopify: shopifyItem(8), yahoo: 'kyo-sensu:sakura' },
  },
  {
    code: 'SET-NOMIKURABE',
    name: '日本茶 飲み比べ3種セット',
    jan: '4589012341012',
    tags: ['tea', 'gift'],
    components: [
      { sku: 'TEA-SENCHA-100', quantity: 1 },
      { sku: 'TEA-GENMAI-200', quantity: 1 },
      { sku: 'TEA-MATCHA-30', quantity: 1 },
    ],
    listings: { amazon: 'SET-NOMIKURABE', rakuten: 'nomikurabe-set:3', shopify: shopifyItem(11), yahoo: 'nomikurabe-set-3' },
  },
  {
    code: 'SET-MEOTO-YUNOMI',
    name: '有田焼 夫婦湯呑みセット (紺・白)',
    jan: '4589012341029',
    tags: ['tableware', 'gift'],
    components: [
      { sku: 'YUNOMI-KON', quantity: 1 },
      { sku: 'YUNOMI-SHIRO', quantity: 1 },
    ],
    listings: { amazon: 'SET-MEOTO-YUNOMI', rakuten: 'meoto-yunomi:set', shopify: shopifyItem(12), yahoo: 'meoto-yunomi-set' },
  },
  {
    code: 'SET-SENCHA-GIFT',
    name: '煎茶ギフト (煎茶2袋・湯呑み白)',
    jan: '4589012341036',
    tags: ['tea', 'gift'],
    components: [
      { sku: 'TEA-SENCHA-100', quantity: 2 },
      { sku: 'YUNOMI-SHIRO', quantity: 1 },
    ],
    listings: { amazon: 'SET-SENCHA-GIFT', rakuten: 'sencha-gift:2p', shopify: shopifyItem(13), yahoo: 'sencha-gift-2p' },
  },
];

/** Opening stock as counted on the day the demo shop starts using urikiri. */
export const DEMO_OPENING_STOCK: ReadonlyArray<{ sku: string; location: string; quantity: number }> = [
  { sku: 'TEA-SENCHA-100', location: 'WH-TOKYO', quantity: 40 },
  { sku: 'TEA-SENCHA-100', location: 'WH-OSAKA', quantity: 20 },
  { sku: 'TEA-SENCHA-100', location: 'RETURNS-HOLD', quantity: 3 },
  { sku: 'TEA-GENMAI-200', location: 'WH-TOKYO', quantity: 30 },
  { sku: 'TEA-MATCHA-30', location: 'WH-TOKYO', quantity: 25 },
  { sku: 'TEA-MATCHA-30', location: 'WH-OSAKA', quantity: 10 },
  { sku: 'YUNOMI-KON', location: 'WH-TOKYO', quantity: 12 },
  { sku: 'YUNOMI-SHIRO', location: 'WH-TOKYO', quantity: 14 },
  { sku: 'YUNOMI-SHIRO', location: 'RETURNS-HOLD', quantity: 2 },
  { sku: 'TOWEL-IMABARI', location: 'WH-OSAKA', quantity: 48 },
  { sku: 'FUROSHIKI-70', location: 'WH-TOKYO', quantity: 18 },
  { sku: 'SENSU-SAKURA', location: 'WH-TOKYO', quantity: 6 },
];

export const DEMO_SKUS = DEMO_PRODUCTS.filter((p) => !p.components);
export const DEMO_BUNDLES = DEMO_PRODUCTS.filter((p) => p.components);

export function demoProduct(code: string): DemoProduct | undefined {
  return DEMO_PRODUCTS.find((p) => p.code === code);
}

/**
 * The codes whose quantities one product's stock moves: the product, the bundles that contain any
 * of its SKUs, and their other components, closed over shared components (the allocation unit).
 */
export function allocationUnitOf(code: string): string[] {
  const unit = new Set<string>();
  const queue = [code];
  while (queue.length > 0) {
    const next = demoProduct(queue.pop() as string);
    if (!next || unit.has(next.code)) continue;
    unit.add(next.code);
    if (next.components) queue.push(...next.components.map((c) => c.sku));
    else queue.push(...DEMO_BUNDLES.filter((b) => b.components?.some((c) => c.sku === next.code)).map((b) => b.code));
  }
  return DEMO_PRODUCTS.map((p) => p.code).filter((c) => unit.has(c));
}
