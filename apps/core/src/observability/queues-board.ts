import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import { QueueCatalog } from './queue-catalog';
import { QueueDirectory } from './queue-directory';

export const QUEUES_BOARD_PATH = '/queues';

const boardQueue = (queue: Queue) => new BullMQAdapter(queue);

/**
 * bull-board over every queue of the installation, following the catalogue: a push queue the sync
 * module opens for a newly connected account, in this process or another, appears without a restart.
 */
@Injectable()
export class QueuesBoard implements OnModuleDestroy {
  private readonly server = new ExpressAdapter();
  private readonly stopFollowing: () => void;

  constructor(
    catalog: QueueCatalog,
    private readonly directory: QueueDirectory,
  ) {
    this.server.setBasePath(QUEUES_BOARD_PATH);
    const board = createBullBoard({
      queues: catalog.queues().map(boardQueue),
      serverAdapter: this.server,
      options: { uiConfig: { boardTitle: 'urikiri queues' } },
    });
    this.stopFollowing = catalog.subscribe({
      registered: (queue) => board.addQueue(boardQueue(queue)),
      unregistered: (name) => board.removeQueue(name),
    });
  }

  /** The board's Express app, to be mounted at QUEUES_BOARD_PATH behind QueuesBoardAuth. */
  handler(): RequestHandler {
    const board = this.server.getRouter() as RequestHandler;
    // Each request first picks up the queues other processes opened since (one SMEMBERS).
    return (request, response, next) => {
      void this.directory
        .refresh()
        .then(() => board(request, response, next))
        .catch(next);
    };
  }

  onModuleDestroy(): void {
    this.stopFollowing();
  }
}
