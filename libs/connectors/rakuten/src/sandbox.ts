export {
  createRakutenSandbox,
  type RakutenMaintenance,
  type RakutenSandbox,
  type RakutenSandboxOptions,
} from './sandbox/rakuten.sandbox';
export {
  RakutenSandboxStock,
  type RakutenItemSettings,
  type RakutenOrderLineInput,
  type RestoreInventoryFlag,
} from './sandbox/rakuten-sandbox.stock';
