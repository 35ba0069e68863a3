export {
  createYahooSandbox,
  type YahooSandboxOptions,
} from './sandbox/yahoo.sandbox';
