import { INVENTORY_ENTITIES } from '@urikiri/inventory';
import { ApiKey } from '../auth/api-key.entity';

/** Every entity of the service's database, listed explicitly so a bundled build finds them all. */
export const CORE_ENTITIES = [...INVENTORY_ENTITIES, ApiKey];
