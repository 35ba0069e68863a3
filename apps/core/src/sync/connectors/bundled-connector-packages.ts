/** The connector packages of this repository; built into the service and loaded unless configured otherwise. */
export const BUNDLED_CONNECTOR_PACKAGES = [
  '@urikiri/connector-amazon',
  '@urikiri/connector-rakuten',
  '@urikiri/connector-shopify',
  '@urikiri/connector-yahoo',
  '@urikiri/connector-testshop',
] as const;
