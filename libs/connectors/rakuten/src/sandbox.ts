export {
  createRakutenSandbox,
  type RakutenSandboxOptions,
} from './sandbox/rakuten.sandbox';
