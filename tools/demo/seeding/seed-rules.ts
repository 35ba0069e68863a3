import type { ActiveRulesView } from '../../service-api/api-views';
import type { ServiceApi } from '../../service-api/service-api';
import { demoRuleSet } from '../demo-rules';

/**
 * Activates the demo rule set while no rule set was ever activated. Once one is in force (the
 * demo's, or one an operator put in its place) later starts leave it alone.
 */
export async function seedRules(api: ServiceApi, now: Date): Promise<boolean> {
  const active = await api.get<ActiveRulesView>('/rules');
  if (active.id !== null) return false;
  await api.put('/rules', demoRuleSet(now));
  return true;
}
