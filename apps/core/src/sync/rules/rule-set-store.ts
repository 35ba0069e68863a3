import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { compileRuleSet, type CompiledRuleSet, type RuleSet } from '@urikiri/allocation';
import { DEFAULT_RULE_SET, RuleSetVersion } from '@urikiri/sync';

export interface ActiveRuleSet {
  /** Null while no rule set was ever activated: the default shared pool applies. */
  id: number | null;
  activatedAt: Date | null;
  compiled: CompiledRuleSet;
}

/**
 * The rule set in force: the newest activated version. Each process reads only the newest id per
 * allocation and compiles a version once, so an activation in one process is in force everywhere
 * on the next allocation without any broadcast.
 */
@Injectable()
export class RuleSetStore {
  private cached: ActiveRuleSet = { id: null, activatedAt: null, compiled: DEFAULT_RULE_SET };

  constructor(private readonly orm: MikroORM) {}

  async active(): Promise<ActiveRuleSet> {
    const em = this.orm.em.fork();
    const [newest] = await em.find(RuleSetVersion, {}, { orderBy: { id: 'desc' }, fields: ['id'], limit: 1 });
    if (!newest) return { id: null, activatedAt: null, compiled: DEFAULT_RULE_SET };
    if (newest.id !== this.cached.id) {
      const version = await em.findOneOrFail(RuleSetVersion, { id: newest.id });
      this.cached = { id: version.id, activatedAt: version.activatedAt, compiled: compileRuleSet(version.document as RuleSet) };
    }
    return this.cached;
  }

  /** Validates (throws InvalidRuleSetError naming each wrong path) and makes it the one in force. */
  async activate(document: unknown): Promise<ActiveRuleSet> {
    // compileRuleSet validates whatever it is given; the cast only satisfies the signature.
    const compiled = compileRuleSet(document as RuleSet);
    const em = this.orm.em.fork();
    const version = em.create(RuleSetVersion, { document: compiled.source, activatedAt: new Date() });
    await em.persistAndFlush(version);
    return { id: version.id, activatedAt: version.activatedAt, compiled };
  }

  async history(limit = 50): Promise<RuleSetVersion[]> {
    return this.orm.em.fork().find(RuleSetVersion, {}, { orderBy: { id: 'desc' }, limit });
  }
}
