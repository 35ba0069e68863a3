import { Migration } from '@mikro-orm/migrations';

export class Migration20261128030431_order_returns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "channel_account" add column "returns_location" varchar(64) null;`);

    this.addSql(`alter table "order_line" add column "returned" int not null default 0, add column "applied_returned" int not null default 0, add column "returned_before_cutover" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "channel_account" drop column "returns_location";`);

    this.addSql(`alter table "order_line" drop column "returned", drop column "applied_returned", drop column "returned_before_cutover";`);
  }

}
