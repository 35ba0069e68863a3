import { Migration } from '@mikro-orm/migrations';

export class Migration20261127212213_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`api_key\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`prefix\` text not null, \`hash\` text not null, \`scopes\` json not null, \`created_at\` datetime not null, \`revoked_at\` datetime null);`);
    this.addSql(`create unique index \`api_key_hash_unique\` on \`api_key\` (\`hash\`);`);

    this.addSql(`create table \`backorder\` (\`id\` integer not null primary key autoincrement, \`reservation_id\` text not null, \`product_id\` integer not null, \`quantity\` integer not null, \`open_quantity\` integer not null, \`status\` text not null, \`channel\` text null, \`order_id\` text not null, \`created_at\` datetime not null, \`closed_at\` datetime null);`);
    this.addSql(`create index \`backorder_product_status_index\` on \`backorder\` (\`product_id\`, \`status\`, \`id\`);`);

    this.addSql(`create table \`bundle_component\` (\`id\` integer not null primary key autoincrement, \`bundle_id\` integer not null, \`component_id\` integer not null, \`quantity\` integer not null);`);
    this.addSql(`create index \`bundle_component_component_index\` on \`bundle_component\` (\`component_id\`);`);
    this.addSql(`create unique index \`bundle_component_unique\` on \`bundle_component\` (\`bundle_id\`, \`component_id\`);`);

    this.addSql(`create table \`ledger_checkpoint\` (\`movement_id\` bigint not null, \`product_id\` integer not null, \`location_id\` integer not null, \`on_hand\` integer not null, \`reserved\` integer not null, \`created_at\` datetime not null, primary key (\`movement_id\`, \`product_id\`, \`location_id\`));`);

    this.addSql(`create table \`ledger_command\` (\`key\` text not null, \`operation\` text not null, \`request_hash\` text not null, \`result\` text null, \`created_at\` datetime not null, primary key (\`key\`));`);

    this.addSql(`create table \`location\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('warehouse', 'channel_held')) not null default 'warehouse', \`sellable\` integer not null default true, \`priority\` integer not null default 100, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`location_code_unique\` on \`location\` (\`code\`);`);

    this.addSql(`create table \`movement\` (\`id\` integer not null primary key autoincrement, \`kind\` text not null, \`product_id\` integer not null, \`location_id\` integer not null, \`on_hand_delta\` integer not null, \`reserved_delta\` integer not null, \`reference_type\` text null, \`reference_id\` text null, \`reason\` text null, \`reservation_id\` text null, \`command_key\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`movement_reference_index\` on \`movement\` (\`reference_id\`);`);
    this.addSql(`create index \`movement_created_at_index\` on \`movement\` (\`created_at\`);`);
    this.addSql(`create index \`movement_product_index\` on \`movement\` (\`product_id\`, \`id\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` integer not null primary key autoincrement, \`topic\` text not null, \`product_id\` integer not null, \`created_at\` datetime not null, \`published_at\` datetime null);`);
    this.addSql(`create index \`outbox_event_pending_index\` on \`outbox_event\` (\`published_at\`, \`id\`);`);

    this.addSql(`create table \`product\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`jan\` text null, \`tags\` json not null, \`kind\` text check (\`kind\` in ('sku', 'bundle')) not null default 'sku', \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`product_code_unique\` on \`product\` (\`code\`);`);
    this.addSql(`create index \`product_jan_index\` on \`product\` (\`jan\`);`);

    this.addSql(`create table \`purchase_order\` (\`id\` integer not null primary key autoincrement, \`reference\` text not null, \`product_id\` integer not null, \`location_id\` integer not null, \`quantity\` integer not null, \`received_quantity\` integer not null default 0, \`expected_at\` datetime not null, \`status\` text not null default 'open', \`created_at\` datetime not null);`);
    this.addSql(`create index \`purchase_order_product_index\` on \`purchase_order\` (\`product_id\`, \`status\`);`);
    this.addSql(`create unique index \`purchase_order_reference_unique\` on \`purchase_order\` (\`reference\`);`);

    this.addSql(`create table \`reservation\` (\`id\` text not null, \`product_id\` integer not null, \`quantity\` integer not null, \`status\` text not null, \`channel\` text null, \`order_id\` text not null, \`line_id\` text not null, \`expires_at\` datetime null, \`created_at\` datetime not null, \`closed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`reservation_order_index\` on \`reservation\` (\`order_id\`);`);
    this.addSql(`create index \`reservation_status_expiry_index\` on \`reservation\` (\`status\`, \`expires_at\`);`);

    this.addSql(`create table \`reservation_allocation\` (\`id\` integer not null primary key autoincrement, \`reservation_id\` text not null, \`product_id\` integer not null, \`location_id\` integer not null, \`quantity\` integer not null);`);
    this.addSql(`create index \`reservation_allocation_reservation_index\` on \`reservation_allocation\` (\`reservation_id\`);`);

    this.addSql(`create table \`stock_level\` (\`id\` integer not null primary key autoincrement, \`product_id\` integer not null, \`location_id\` integer not null, \`on_hand\` integer not null default 0, \`reserved\` integer not null default 0, constraint stock_level_reserved_within_on_hand check (reserved >= 0 and reserved <= on_hand));`);
    this.addSql(`create unique index \`stock_level_product_location_unique\` on \`stock_level\` (\`product_id\`, \`location_id\`);`);
  }

}
