import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DashboardApiModule } from '../dashboard/dashboard-api.module';
import { HealthModule } from '../health/health.module';
import { LedgerExceptionFilter } from '../http/ledger-exception.filter';
import { InputScreenInterceptor } from '../http/input-screen.interceptor';
import { InventoryApiModule } from '../inventory/inventory-api.module';
import { SyncApiModule } from '../sync/api/sync-api.module';
import { SecurityModule } from '../security/security.module';
import { SimulationApiModule } from '../simulation/simulation-api.module';
import { ObservabilityApiModule } from '../observability/observability-api.module';
import { ZonelessDatesInterceptor } from '../time/zoneless-dates.interceptor';

/** Everything HTTP: present only when ROLE includes `api`. */
@Module({
  // SecurityModule first: its rate limit guard must run before AuthModule's key guard.
  imports: [
    SecurityModule,
    AuthModule,
    HealthModule,
    InventoryApiModule,
    SyncApiModule,
    SimulationApiModule,
    ObservabilityApiModule,
    DashboardApiModule,
    AuditModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: LedgerExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: InputScreenInterceptor },
    { provide: APP_INTERCEPTOR, useClass: ZonelessDatesInterceptor },
  ],
})
export class ApiModule {}
