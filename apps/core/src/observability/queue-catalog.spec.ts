import { EventEmitter } from 'node:events';
import type { Queue } from 'bullmq';
import { QueueCatalog } from './queue-catalog';

const queue = (name: string) => Object.assign(new EventEmitter(), { name }) as unknown as Queue;

describe('QueueCatalog', () => {
  it('knows a queue by name, replaces it when registered again, and tells its listeners', () => {
    const catalog = new QueueCatalog();
    const events: string[] = [];
    catalog.register(queue('reservation-expiry'));
    const stop = catalog.subscribe({
      registered: (added) => events.push(`+${added.name}`),
      unregistered: (name) => events.push(`-${name}`),
    });
    const fresh = queue('sync-push-1');
    catalog.register(queue('sync-push-1'));
    catalog.register(fresh);
    expect(catalog.queues().map((q) => q.name)).toEqual(['reservation-expiry', 'sync-push-1']);
    expect(catalog.queues()[1]).toBe(fresh);
    catalog.unregister('sync-push-1');
    catalog.unregister('never-registered');
    stop();
    catalog.register(queue('sync-push-2'));
    expect(events).toEqual(['+sync-push-1', '+sync-push-1', '-sync-push-1']);
    expect(catalog.queues().map((q) => q.name)).toEqual(['reservation-expiry', 'sync-push-2']);
  });

  it('listens for connection errors on every queue it is given, so none goes unhandled', () => {
    const catalog = new QueueCatalog();
    const pushQueue = queue('sync-push-3');
    catalog.register(pushQueue);
    catalog.register(pushQueue);
    expect((pushQueue as unknown as EventEmitter).listenerCount('error')).toBe(1);
    expect(() => (pushQueue as unknown as EventEmitter).emit('error', new Error('Connection is closed.'))).not.toThrow();
  });
});
