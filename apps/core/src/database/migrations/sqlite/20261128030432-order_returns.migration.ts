import { Migration } from '@mikro-orm/migrations';

export class Migration20261128030432_order_returns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`channel_account\` add column \`returns_location\` text null;`);
    this.addSql(`alter table \`order_line\` add column \`returned\` integer not null default 0;`);
    this.addSql(`alter table \`order_line\` add column \`applied_returned\` integer not null default 0;`);
    this.addSql(`alter table \`order_line\` add column \`returned_before_cutover\` integer not null default 0;`);
  }

}
