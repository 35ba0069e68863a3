import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';

/** Says when and why the process stops, before workers and connections are closed. */
@Injectable()
export class ShutdownLogger implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ShutdownLogger.name);

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log({ signal }, 'Shutting down: finishing running jobs and requests, then closing connections');
  }
}
