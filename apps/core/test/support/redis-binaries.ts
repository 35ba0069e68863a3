import { findOnPath } from '../../src/redis/private-redis-server';

/** The path of a Redis binary; a test that needs real Redis servers fails, saying how to install them, when it is missing. */
export function requiredOnPath(binary: string): string {
  const path = findOnPath(binary);
  if (!path) {
    throw new Error(`${binary} is not on the PATH: this test starts real Redis servers with it. Install Redis (apt install redis-server, brew install redis).`);
  }
  return path;
}
