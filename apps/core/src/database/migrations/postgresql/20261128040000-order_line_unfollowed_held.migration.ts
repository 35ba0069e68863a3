import { Migration } from '@mikro-orm/migrations';

export class Migration20261128040000_order_line_unfollowed_held extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "order_line" add column "unfollowed_held" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "order_line" drop column "unfollowed_held";`);
  }

}
