import { Logger } from '@nestjs/common';

const logger = new Logger('Database');

/**
 * Knex's own messages (a pooled connection found dropped and replaced, a deprecation) go through the
 * service's logger: knex would print them with console.log, outside the JSON log and its level.
 */
export const knexLog = {
  warn: (message: unknown) => logger.warn(String(message)),
  error: (message: unknown) => logger.error(String(message)),
  deprecate: (method: string, alternative: string) => logger.warn(`${method} is deprecated; use ${alternative}`),
  debug: (message: unknown) => logger.debug(message),
};
