// What a leader or auditor on a phone sees first (issue 16.1): the figures that need attention,
// the rest being behind the "全部指标" expander. Which figures these are follows the registry:
// a figure where fewer is better (FIGURES[x].better, e.g. 逾期责任事项) as soon as it is above
// zero; one where more is better when it is behind pace, or, once the period is over, short of
// its target.
import type { Kpi } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';

/** Red pace first, then open problems, then amber pace (or a finished period's misses). */
function rank(kpi: Kpi): number {
  if (FIGURES[kpi.metric].better === 'LESS') return 1;
  return kpi.status === 'RED' ? 0 : 2;
}

export function needsAttention(kpi: Kpi, ended: boolean): boolean {
  if (FIGURES[kpi.metric].better === 'LESS') return kpi.done > 0;
  if (kpi.target === null) return false;
  if (ended) return kpi.done < kpi.target;
  return kpi.status === 'RED' || kpi.status === 'AMBER';
}

/** The figures of `kpis` that need attention, the most pressing first (stable within a rank). */
export function attentionKpis(kpis: readonly Kpi[], ended: boolean): Kpi[] {
  return kpis
    .filter((kpi) => needsAttention(kpi, ended))
    .map((kpi, index) => ({ kpi, index }))
    .sort((a, b) => rank(a.kpi) - rank(b.kpi) || a.index - b.index)
    .map(({ kpi }) => kpi);
}
