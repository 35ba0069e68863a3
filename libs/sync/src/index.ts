export * from './entities';
export * from './credential-cipher';
export * from './channel-directory';
export * from './listing.service';
export * from './order-ingestor';
export * from './allocation-planner';
export * from './push-executor';
