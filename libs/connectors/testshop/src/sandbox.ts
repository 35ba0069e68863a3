export {
  createTestshopSandbox,
  type TestshopSandboxOptions,
} from './sandbox/testshop.sandbox';
