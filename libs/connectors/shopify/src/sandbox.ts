export { createShopifySandbox, type ShopifySandbox, type ShopifySandboxOptions } from './sandbox/shopify.sandbox';
export { ShopifyShop, type ShopOrderRecord } from './sandbox/shopify-shop.model';
export type { WebhookAttempt } from './sandbox/shopify-webhook.sender';
