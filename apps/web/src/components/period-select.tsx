import { Select } from 'antd';
import { useI18n } from '../lib/i18n-provider.tsx';
import { periodChoices, periodLabel } from '../lib/periods.ts';

const GROUP_LABEL = { HALF: 'period.groupHalf', QUARTER: 'period.groupQuarter', YEAR: 'period.groupYear' } as const;

type PeriodGroup = keyof typeof GROUP_LABEL;

interface PeriodSelectProps {
  value: string;
  onChange: (code: string) => void;
  /** The kinds offered (default all; the summary is written per half year and year only). */
  kinds?: readonly PeriodGroup[];
  ariaLabel?: string;
}

/** Halves, quarters and years; a code from a shared link that is not offered is added. */
export function PeriodSelect({ value, onChange, kinds, ariaLabel }: PeriodSelectProps) {
  const { t } = useI18n();
  const groups = periodChoices()
    .filter((g) => !kinds || kinds.includes(g.group))
    .map(({ group, codes }) => ({ label: t(GROUP_LABEL[group]), codes }));
  return <PeriodGroupsSelect value={value} onChange={onChange} groups={groups} ariaLabel={ariaLabel} />;
}

interface PeriodGroupsSelectProps {
  value: string;
  onChange: (code: string) => void;
  /** The codes offered, in labelled groups. */
  groups: { label: string; codes: string[] }[];
  ariaLabel?: string;
  listHeight?: number;
}

/** A period select over labelled groups of codes; a code from a shared link that is not offered is added. */
export function PeriodGroupsSelect({ value, onChange, groups, ariaLabel, listHeight }: PeriodGroupsSelectProps) {
  const { t } = useI18n();
  const option = (code: string) => ({ value: code, label: periodLabel(code, t) });
  const options = groups.map(({ label, codes }) => ({ label, title: label, options: codes.map(option) }));
  if (!groups.some((g) => g.codes.includes(value))) {
    options.unshift({ label: t('period.label'), title: t('period.label'), options: [option(value)] });
  }
  return (
    <Select
      aria-label={ariaLabel ?? t('period.label')}
      data-testid="period-select"
      value={value}
      onChange={onChange}
      options={options}
      className="db-w-200"
      style={{ minWidth: 180 }}
      popupMatchSelectWidth={false}
      listHeight={listHeight}
    />
  );
}
