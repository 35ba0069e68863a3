import { Migration } from '@mikro-orm/migrations';

export class Migration20261128004037_audit_log extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" ("id" serial primary key, "at" timestamptz not null, "kind" varchar(64) not null, "actor_key_id" int null, "actor_name" varchar(160) null, "method" varchar(8) not null, "path" varchar(512) not null, "target" varchar(255) null, "detail" jsonb null, "status" int not null);`);
    this.addSql(`create index "audit_log_kind_at_index" on "audit_log" ("kind", "at");`);
    this.addSql(`create index "audit_log_at_index" on "audit_log" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log" cascade;`);
  }

}
