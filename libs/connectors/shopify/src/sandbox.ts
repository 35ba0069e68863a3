export {
  createShopifySandbox,
  type ShopifySandboxOptions,
} from './sandbox/shopify.sandbox';
