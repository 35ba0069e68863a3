import { Migration } from '@mikro-orm/migrations';

export class Migration20261127212213_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" serial primary key, "name" varchar(100) not null, "prefix" varchar(16) not null, "hash" varchar(64) not null, "scopes" jsonb not null, "created_at" timestamptz not null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_hash_unique" unique ("hash");`);

    this.addSql(`create table "backorder" ("id" serial primary key, "reservation_id" varchar(36) not null, "product_id" int not null, "quantity" int not null, "open_quantity" int not null, "status" varchar(16) not null, "channel" varchar(64) null, "order_id" varchar(128) not null, "created_at" timestamptz not null, "closed_at" timestamptz null);`);
    this.addSql(`create index "backorder_product_status_index" on "backorder" ("product_id", "status", "id");`);

    this.addSql(`create table "bundle_component" ("id" serial primary key, "bundle_id" int not null, "component_id" int not null, "quantity" int not null);`);
    this.addSql(`create index "bundle_component_component_index" on "bundle_component" ("component_id");`);
    this.addSql(`alter table "bundle_component" add constraint "bundle_component_unique" unique ("bundle_id", "component_id");`);

    this.addSql(`create table "ledger_checkpoint" ("movement_id" bigint not null, "product_id" int not null, "location_id" int not null, "on_hand" int not null, "reserved" int not null, "created_at" timestamptz not null, constraint "ledger_checkpoint_pkey" primary key ("movement_id", "product_id", "location_id"));`);

    this.addSql(`create table "ledger_command" ("key" varchar(128) not null, "operation" varchar(32) not null, "request_hash" varchar(64) not null, "result" text null, "created_at" timestamptz not null, constraint "ledger_command_pkey" primary key ("key"));`);

    this.addSql(`create table "location" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(255) not null, "kind" text check ("kind" in ('warehouse', 'channel_held')) not null default 'warehouse', "sellable" boolean not null default true, "priority" int not null default 100, "created_at" timestamptz not null);`);
    this.addSql(`alter table "location" add constraint "location_code_unique" unique ("code");`);

    this.addSql(`create table "movement" ("id" bigserial primary key, "kind" varchar(16) not null, "product_id" int not null, "location_id" int not null, "on_hand_delta" int not null, "reserved_delta" int not null, "reference_type" varchar(32) null, "reference_id" varchar(128) null, "reason" varchar(64) null, "reservation_id" varchar(64) null, "command_key" varchar(128) not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "movement_reference_index" on "movement" ("reference_id");`);
    this.addSql(`create index "movement_created_at_index" on "movement" ("created_at");`);
    this.addSql(`create index "movement_product_index" on "movement" ("product_id", "id");`);

    this.addSql(`create table "outbox_event" ("id" bigserial primary key, "topic" varchar(32) not null, "product_id" int not null, "created_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`create index "outbox_event_pending_index" on "outbox_event" ("published_at", "id");`);

    this.addSql(`create table "product" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(255) not null, "jan" varchar(32) null, "tags" jsonb not null, "kind" text check ("kind" in ('sku', 'bundle')) not null default 'sku', "created_at" timestamptz not null);`);
    this.addSql(`alter table "product" add constraint "product_code_unique" unique ("code");`);
    this.addSql(`create index "product_jan_index" on "product" ("jan");`);

    this.addSql(`create table "purchase_order" ("id" serial primary key, "reference" varchar(64) not null, "product_id" int not null, "location_id" int not null, "quantity" int not null, "received_quantity" int not null default 0, "expected_at" timestamptz not null, "status" varchar(16) not null default 'open', "created_at" timestamptz not null);`);
    this.addSql(`create index "purchase_order_product_index" on "purchase_order" ("product_id", "status");`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_reference_unique" unique ("reference");`);

    this.addSql(`create table "reservation" ("id" varchar(36) not null, "product_id" int not null, "quantity" int not null, "status" varchar(16) not null, "channel" varchar(64) null, "order_id" varchar(128) not null, "line_id" varchar(128) not null, "expires_at" timestamptz null, "created_at" timestamptz not null, "closed_at" timestamptz null, constraint "reservation_pkey" primary key ("id"));`);
    this.addSql(`create index "reservation_order_index" on "reservation" ("order_id");`);
    this.addSql(`create index "reservation_status_expiry_index" on "reservation" ("status", "expires_at");`);

    this.addSql(`create table "reservation_allocation" ("id" serial primary key, "reservation_id" varchar(36) not null, "product_id" int not null, "location_id" int not null, "quantity" int not null);`);
    this.addSql(`create index "reservation_allocation_reservation_index" on "reservation_allocation" ("reservation_id");`);

    this.addSql(`create table "stock_level" ("id" serial primary key, "product_id" int not null, "location_id" int not null, "on_hand" int not null default 0, "reserved" int not null default 0, constraint stock_level_reserved_within_on_hand check (reserved >= 0 and reserved <= on_hand));`);
    this.addSql(`alter table "stock_level" add constraint "stock_level_product_location_unique" unique ("product_id", "location_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "backorder" cascade;`);

    this.addSql(`drop table if exists "bundle_component" cascade;`);

    this.addSql(`drop table if exists "ledger_checkpoint" cascade;`);

    this.addSql(`drop table if exists "ledger_command" cascade;`);

    this.addSql(`drop table if exists "location" cascade;`);

    this.addSql(`drop table if exists "movement" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);

    this.addSql(`drop table if exists "reservation" cascade;`);

    this.addSql(`drop table if exists "reservation_allocation" cascade;`);

    this.addSql(`drop table if exists "stock_level" cascade;`);
  }

}
