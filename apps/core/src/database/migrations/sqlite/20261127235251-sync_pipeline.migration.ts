import { Migration } from '@mikro-orm/migrations';

export class Migration20261127235251_sync_pipeline extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`channel_account\` (\`id\` text not null, \`connector\` text not null, \`display_name\` text not null, \`credentials_ciphertext\` text not null, \`base_url\` text null, \`stopped\` integer not null default false, \`stopped_reason\` text null, \`orders_cursor\` text null, \`orders_caught_up_at\` datetime null, \`cutover_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`ingested_event\` (\`account_id\` text not null, \`event_id\` text not null, \`at\` datetime not null, primary key (\`account_id\`, \`event_id\`));`);

    this.addSql(`create table \`listing\` (\`id\` integer not null primary key autoincrement, \`account_id\` text not null, \`channel_listing_id\` text not null, \`product_id\` integer not null, \`active\` integer not null default true, \`inactive_reason\` text null, \`stopped\` integer not null default false, \`target\` integer null, \`target_version\` integer not null default 0, \`target_since\` datetime null, \`target_origin_at\` datetime null, \`replan_seq\` integer not null default 0, \`planned_seq\` integer not null default 0, \`target_why\` text null, \`last_published\` integer null, \`published_version\` integer not null default 0, \`last_published_at\` datetime null, \`dirty\` integer not null default false, \`failures\` integer not null default 0, \`dead_letter\` integer not null default false, \`last_error\` text null, \`not_before\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`listing_pending_index\` on \`listing\` (\`account_id\`, \`dirty\`);`);
    this.addSql(`create index \`listing_product_index\` on \`listing\` (\`product_id\`);`);
    this.addSql(`create unique index \`listing_account_channel_id_unique\` on \`listing\` (\`account_id\`, \`channel_listing_id\`);`);

    this.addSql(`create table \`order_line\` (\`id\` integer not null primary key autoincrement, \`account_id\` text not null, \`order_id\` text not null, \`line_id\` text not null, \`channel_listing_id\` text not null, \`product_id\` integer null, \`quantity\` integer not null, \`cancelled\` integer not null default 0, \`shipped\` integer not null default 0, \`taken\` integer not null default false, \`applied_cancelled\` integer not null default 0, \`applied_shipped\` integer not null default 0, \`shipped_before_cutover\` integer not null default 0, \`reservation_id\` text null, \`unmapped\` integer not null default false, \`first_seen_at\` datetime not null);`);
    this.addSql(`create index \`order_line_unmapped_index\` on \`order_line\` (\`account_id\`, \`unmapped\`);`);
    this.addSql(`create unique index \`order_line_unique\` on \`order_line\` (\`account_id\`, \`order_id\`, \`line_id\`);`);

    this.addSql(`create table \`publish_record\` (\`id\` integer not null primary key autoincrement, \`listing_id\` integer not null, \`value\` integer not null, \`version\` integer not null, \`why\` text null, \`latency_ms\` integer null, \`at\` datetime not null);`);
    this.addSql(`create index \`publish_record_listing_index\` on \`publish_record\` (\`listing_id\`, \`id\`);`);

    this.addSql(`create table \`reconciliation_run\` (\`id\` integer not null primary key autoincrement, \`account_id\` text not null, \`repair_requested\` integer not null, \`started_at\` datetime not null, \`finished_at\` datetime null, \`checked\` integer not null default 0, \`drifted\` integer not null default 0, \`repaired\` integer not null default 0, \`not_found\` integer not null default 0, \`skipped_reason\` text null);`);
    this.addSql(`create index \`reconciliation_run_account_index\` on \`reconciliation_run\` (\`account_id\`, \`started_at\`);`);

    this.addSql(`create table \`rule_set_version\` (\`id\` integer not null primary key autoincrement, \`document\` json not null, \`activated_at\` datetime not null);`);
  }

}
