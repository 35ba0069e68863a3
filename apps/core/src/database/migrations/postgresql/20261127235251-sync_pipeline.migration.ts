import { Migration } from '@mikro-orm/migrations';

export class Migration20261127235251_sync_pipeline extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "channel_account" ("id" varchar(64) not null, "connector" varchar(64) not null, "display_name" varchar(255) not null, "credentials_ciphertext" text not null, "base_url" varchar(512) null, "stopped" boolean not null default false, "stopped_reason" varchar(255) null, "orders_cursor" text null, "orders_caught_up_at" timestamptz null, "cutover_at" timestamptz null, "created_at" timestamptz not null, constraint "channel_account_pkey" primary key ("id"));`);

    this.addSql(`create table "ingested_event" ("account_id" varchar(64) not null, "event_id" varchar(255) not null, "at" timestamptz not null, constraint "ingested_event_pkey" primary key ("account_id", "event_id"));`);

    this.addSql(`create table "listing" ("id" serial primary key, "account_id" varchar(64) not null, "channel_listing_id" varchar(255) not null, "product_id" int not null, "active" boolean not null default true, "inactive_reason" varchar(255) null, "stopped" boolean not null default false, "target" int null, "target_version" int not null default 0, "target_since" timestamptz null, "target_origin_at" timestamptz null, "replan_seq" int not null default 0, "planned_seq" int not null default 0, "target_why" text null, "last_published" int null, "published_version" int not null default 0, "last_published_at" timestamptz null, "dirty" boolean not null default false, "failures" int not null default 0, "dead_letter" boolean not null default false, "last_error" text null, "not_before" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create index "listing_pending_index" on "listing" ("account_id", "dirty");`);
    this.addSql(`create index "listing_product_index" on "listing" ("product_id");`);
    this.addSql(`alter table "listing" add constraint "listing_account_channel_id_unique" unique ("account_id", "channel_listing_id");`);

    this.addSql(`create table "order_line" ("id" serial primary key, "account_id" varchar(64) not null, "order_id" varchar(128) not null, "line_id" varchar(128) not null, "channel_listing_id" varchar(255) not null, "product_id" int null, "quantity" int not null, "cancelled" int not null default 0, "shipped" int not null default 0, "taken" boolean not null default false, "applied_cancelled" int not null default 0, "applied_shipped" int not null default 0, "shipped_before_cutover" int not null default 0, "reservation_id" varchar(36) null, "unmapped" boolean not null default false, "first_seen_at" timestamptz not null);`);
    this.addSql(`create index "order_line_unmapped_index" on "order_line" ("account_id", "unmapped");`);
    this.addSql(`alter table "order_line" add constraint "order_line_unique" unique ("account_id", "order_id", "line_id");`);

    this.addSql(`create table "publish_record" ("id" bigserial primary key, "listing_id" int not null, "value" int not null, "version" int not null, "why" text null, "latency_ms" int null, "at" timestamptz not null);`);
    this.addSql(`create index "publish_record_listing_index" on "publish_record" ("listing_id", "id");`);

    this.addSql(`create table "reconciliation_run" ("id" bigserial primary key, "account_id" varchar(64) not null, "repair_requested" boolean not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "checked" int not null default 0, "drifted" int not null default 0, "repaired" int not null default 0, "not_found" int not null default 0, "skipped_reason" varchar(255) null);`);
    this.addSql(`create index "reconciliation_run_account_index" on "reconciliation_run" ("account_id", "started_at");`);

    this.addSql(`create table "rule_set_version" ("id" serial primary key, "document" jsonb not null, "activated_at" timestamptz not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "channel_account" cascade;`);

    this.addSql(`drop table if exists "ingested_event" cascade;`);

    this.addSql(`drop table if exists "listing" cascade;`);

    this.addSql(`drop table if exists "order_line" cascade;`);

    this.addSql(`drop table if exists "publish_record" cascade;`);

    this.addSql(`drop table if exists "reconciliation_run" cascade;`);

    this.addSql(`drop table if exists "rule_set_version" cascade;`);
  }

}
