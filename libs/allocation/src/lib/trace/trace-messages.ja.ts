import {
  formatBasisPoints as pct,
  formatCount as n,
  ruleNote,
} from './trace-number-format';
import type { TraceMessages } from './trace-messages.types';

const rule = (ruleId: string | null) => ruleNote(ruleId, 'ルール');
const modeName = {
  shared: '共有',
  partitioned: '分割',
  hybrid: 'ハイブリッド',
} as const;

export const JA_TRACE_MESSAGES: TraceMessages = {
  inactive: () => '出品が無効 (削除・停止中) のため 0個',
  available: (s) => `${s.sku} の有効在庫 ${n(s.available)}個`,
  'safety-stock': (s) =>
    `安全在庫 ${n(s.buffer)}個: ${n(s.before)} − ${n(s.buffer)} = ${n(s.after)}個${rule(s.ruleId)}`,
  'ring-fence': (s) =>
    `${s.target} の確保枠 ${n(s.quota)}個 (充当 ${n(s.granted)}個) → この出品に ${n(s.units)}個${rule(s.ruleId)}`,
  'ring-fenced-pool': (s) =>
    `確保枠 ${n(s.fenced)}個を取り分け → 残り ${n(s.after)}個${rule(s.ruleId)}`,
  share: (s) =>
    s.mode === 'shared'
      ? `割当率 ${pct(s.basisPoints)}: ${n(s.pool)}個 × ${pct(s.basisPoints)} → ${n(s.units)}個${rule(s.ruleId)}`
      : `割当率 ${pct(s.basisPoints)} で ${n(s.pool)}個を配分 (${modeName[s.mode]}) → ${n(s.units)}個${rule(s.ruleId)}`,
  'no-share': (s) => `割当率の指定なし → 0個${rule(s.ruleId)}`,
  'even-split': (s) =>
    `${n(s.pool)}個を ${n(s.parties)}出品で均等配分 → ${n(s.units)}個`,
  'group-split': (s) =>
    `同じ配分先の ${n(s.listings)}出品で ${n(s.groupUnits)}個を分割 → ${n(s.units)}個`,
  'shared-remainder': (s) =>
    `共有枠 ${n(s.remainder)}個を加算 → ${n(s.units)}個`,
  'low-stock': (s) =>
    `在庫僅少 (${n(s.available)}個 < しきい値 ${n(s.threshold)}個): 優先度の高いチャネルから配分${rule(s.ruleId)}`,
  'priority-fill': (s) =>
    `優先順位 ${s.rank}位: 目標 ${n(s.target)}個, 残り ${n(s.remaining)}個 → ${n(s.units)}個${rule(s.ruleId)}`,
  'channel-safety-stock': (s) =>
    `チャネル別安全在庫 ${n(s.buffer)}個: ${n(s.before)} − ${n(s.buffer)} = ${n(s.after)}個${rule(s.ruleId)}`,
  'location-cap': (s) =>
    `出荷拠点の在庫 ${n(s.cap)}個が上限: ${n(s.before)} → ${n(s.after)}個`,
  bundle: (s) =>
    `構成品 ${s.sku}: ${n(s.componentUnits)}個 ÷ ${n(s.perBundle)}個/セット → ${n(s.bundles)}セット`,
  max: (s) =>
    `上限 ${n(s.max)}個: ${n(s.before)} → ${n(s.after)}個${rule(s.ruleId)}`,
  min: (s) =>
    `${n(s.min)}個未満は掲載しない: ${n(s.before)} → 0個${rule(s.ruleId)}`,
  result: (s) => `掲載数 ${n(s.quantity)}個`,
};
