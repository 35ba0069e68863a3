import { Module } from '@nestjs/common';
import { SimulationJobs } from './simulation-jobs.service';
import { SimulationsController } from './simulations.controller';

/** Promotion simulations over HTTP, under /api/v1/simulations; the jobs run where ROLE includes `worker`. */
@Module({
  controllers: [SimulationsController],
  providers: [SimulationJobs],
})
export class SimulationApiModule {}
