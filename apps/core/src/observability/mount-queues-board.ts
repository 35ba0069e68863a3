import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, runsApi } from '../config/app-config';
import { QueuesBoard, QUEUES_BOARD_PATH } from './queues-board';
import { QueuesBoardAuth } from './queues-board-auth';

/**
 * Mounts the board straight on Express, before Nest adds its middleware (request logging among it)
 * at start-up: the one-time `?key=` must never be written to a log, and the board's polling every few
 * seconds would drown the log as health probes would. QueuesBoardAuth logs refusals and changes itself.
 * Only where ROLE serves the API: that is where the board's providers and the API keys are.
 */
export function mountQueuesBoard(app: NestExpressApplication, config: AppConfig): void {
  if (!runsApi(config)) return;
  app.use(QUEUES_BOARD_PATH, app.get(QueuesBoardAuth).handler(), app.get(QueuesBoard).handler());
}
