// The period picker of the summary: half years and whole years (a summary is not written per
// quarter), this year's and last year's, none in the future; a code from a link is kept.
import { Select } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { periodChoices, periodLabel } from '../../../lib/periods.ts';

const GROUP_LABEL = { HALF: 'period.groupHalf', YEAR: 'period.groupYear' } as const;

export function SummaryPeriodSelect({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useI18n();
  const groups = periodChoices().filter(
    (g): g is { group: 'HALF' | 'YEAR'; codes: string[] } => g.group === 'HALF' || g.group === 'YEAR',
  );
  const options = groups.map(({ group, codes }) => ({
    label: t(GROUP_LABEL[group]),
    title: t(GROUP_LABEL[group]),
    options: codes.map((code) => ({ value: code, label: periodLabel(code, t) })),
  }));
  if (!groups.some((g) => g.codes.includes(value))) {
    options.unshift({
      label: t('period.label'),
      title: t('period.label'),
      options: [{ value, label: periodLabel(value, t) }],
    });
  }
  return (
    <Select
      aria-label={t('reports.period')}
      data-testid="period-select"
      value={value}
      onChange={onChange}
      options={options}
      className="db-w-200"
      style={{ minWidth: 180 }}
      popupMatchSelectWidth={false}
    />
  );
}
