// Small pieces every assignment view shares: status and overdue tags, the rule in words, and a
// progress unit's label in the user's language.
import type { AssignmentProgressUnit, AssignmentRule, AssignmentStatus } from '@dutyboard/contracts/assignments';
import { ASSIGNMENT_STATUS_LABELS, RULE_PER_LABELS } from '@dutyboard/contracts/labels';
import { Tag } from 'antd';
import type { Lang, Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { enumLabel } from '../../../lib/labels.ts';
import { metricLabel } from '../../../lib/metric-links.ts';
import { periodLabel } from '../../../lib/periods.ts';

const STATUS_COLOR: Record<AssignmentStatus, string> = { OPEN: 'processing', DONE: 'success', CANCELLED: 'default' };

export function StatusTag({ status }: { status: AssignmentStatus }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="assignment-status">
      {nameOf(ASSIGNMENT_STATUS_LABELS, status)}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="error" data-testid="assignment-overdue">
      {t('assignments.overdue')}
    </Tag>
  );
}

export function ruleText(rule: AssignmentRule, t: Translate, lang: Lang): string {
  const vars = {
    metric: metricLabel(rule.metric, lang),
    per: enumLabel(RULE_PER_LABELS, rule.per, lang),
    min: rule.min,
  };
  return rule.eachChild ? t('assignments.ruleTextEachChild', vars) : t('assignments.ruleText', vars);
}

/** "2026年第一季度 · 甲村党支部" from the unit's slice code, so English reads it too. */
export function unitLabel(unit: AssignmentProgressUnit, eachChild: boolean, t: Translate): string {
  const month = /^(\d{4})-(\d{2})$/.exec(unit.slice);
  const slice = month
    ? t('assignments.month', { year: month[1] ?? '', month: Number(month[2]) })
    : periodLabel(unit.slice, t);
  return eachChild ? `${slice} · ${unit.orgName}` : slice;
}
