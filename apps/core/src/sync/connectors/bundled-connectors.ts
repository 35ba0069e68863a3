import * as amazon from '@urikiri/connector-amazon';
import * as rakuten from '@urikiri/connector-rakuten';
import * as shopify from '@urikiri/connector-shopify';
import * as testshop from '@urikiri/connector-testshop';
import * as yahoo from '@urikiri/connector-yahoo';
import type { BUNDLED_CONNECTOR_PACKAGES } from './bundled-connector-packages';

/**
 * The in-repository connector packages, imported statically so the bundled service carries them
 * (they have no node_modules entry of their own). Keyed by package name like any other package.
 */
export const BUNDLED_CONNECTORS: Record<(typeof BUNDLED_CONNECTOR_PACKAGES)[number], unknown> = {
  '@urikiri/connector-amazon': amazon,
  '@urikiri/connector-rakuten': rakuten,
  '@urikiri/connector-shopify': shopify,
  '@urikiri/connector-yahoo': yahoo,
  '@urikiri/connector-testshop': testshop,
};
