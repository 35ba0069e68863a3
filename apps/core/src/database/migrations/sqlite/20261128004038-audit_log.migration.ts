import { Migration } from '@mikro-orm/migrations';

export class Migration20261128004038_audit_log extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_log\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`kind\` text not null, \`actor_key_id\` integer null, \`actor_name\` text null, \`method\` text not null, \`path\` text not null, \`target\` text null, \`detail\` json null, \`status\` integer not null);`);
    this.addSql(`create index \`audit_log_kind_at_index\` on \`audit_log\` (\`kind\`, \`at\`);`);
    this.addSql(`create index \`audit_log_at_index\` on \`audit_log\` (\`at\`);`);
  }

}
