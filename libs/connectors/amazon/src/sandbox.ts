export {
  createAmazonSandbox,
  type AmazonSandbox,
  type AmazonSandboxOptions,
} from './sandbox/amazon.sandbox';
export {
  AmazonSandboxStock,
  type FbaHolding,
} from './sandbox/amazon-sandbox-stock';
export type {
  SandboxAccount,
  SandboxExchange,
} from './sandbox/amazon-sandbox.context';
export type { FeedTiming } from './sandbox/feeds.routes';
export type {
  NotificationFormat,
  SentNotification,
} from './sandbox/notification.dispatcher';
