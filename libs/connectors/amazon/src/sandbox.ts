export {
  createAmazonSandbox,
  type AmazonSandboxOptions,
} from './sandbox/amazon.sandbox';
