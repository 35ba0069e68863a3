export {
  createYahooSandbox,
  type YahooSandbox,
  type YahooSandboxOptions,
} from './sandbox/yahoo.sandbox';
export { YahooSandboxStock } from './sandbox/yahoo-sandbox.stock';
