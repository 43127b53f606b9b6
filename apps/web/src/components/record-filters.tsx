// The filter bar every record list shares: the org select (when there is a choice), the list's
// own selects, an optional Shanghai date range, the sort order and "clear". The filter lives in
// the URL (see use-url-filter.ts), so the bar only reads the current filter and reports changes.
// Each list configures it with its own params, texts and test ids.
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { Button, DatePicker, Select } from 'antd';
import { DATE_FORMAT, DATE_INPUT_FORMATS, pickerDay } from '../lib/dates.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import type { FilterPatch } from '../lib/use-url-filter.ts';
import { OrgSelect } from './org-select.tsx';

/** What every list filter has: the org and the sort order; a dated list also has from and to. */
interface BaseFilter {
  org?: string;
  from?: string;
  to?: string;
  sort?: string;
}

export interface FilterOption {
  value: string;
  label: string;
}

/** One select of a list's own: the param it sets, its words and its choices. */
export type FilterSelectSpec<F> = {
  param: keyof F & string;
  testId: string;
  label: string;
  options: FilterOption[];
} & (
  | {
      /** Shown while the param is absent ("all …"); the select can be cleared. */
      placeholder: string;
    }
  | {
      /** Shown while the param is absent; choosing it removes the param. */
      defaultValue: string;
    }
);

/** `values` as options labelled through `label`. */
export function filterOptions<V extends string>(values: readonly V[], label: (value: V) => string): FilterOption[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/**
 * A select of a yes/no param ('true' / 'false'): its label stands while it is unset, the two
 * answers narrow the list.
 */
export function yesNoSelect<F>(
  param: keyof F & string,
  testId: string,
  label: string,
  answers: { yes: string; no: string },
): FilterSelectSpec<F> {
  return {
    param,
    testId,
    label,
    placeholder: label,
    options: [
      { value: 'true', label: answers.yes },
      { value: 'false', label: answers.no },
    ],
  };
}

/** One filter select: `onChange` gets undefined when the param should go (cleared, or back to its default). */
export function FilterSelect<F>({
  spec,
  value,
  onChange,
}: {
  spec: FilterSelectSpec<F>;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return 'defaultValue' in spec ? (
    <Select
      aria-label={spec.label}
      data-testid={spec.testId}
      value={value ?? spec.defaultValue}
      onChange={(next: string) => onChange(next === spec.defaultValue ? undefined : next)}
      options={spec.options}
      className="db-w-180"
    />
  ) : (
    <Select
      aria-label={spec.label}
      data-testid={spec.testId}
      value={value}
      onChange={(next: string | undefined) => onChange(next)}
      allowClear
      placeholder={spec.placeholder}
      options={spec.options}
      className="db-w-180"
    />
  );
}

/** What a list page gives its filter bar. */
export interface ListFiltersProps<F> {
  filter: F;
  /** Whether the list is narrowed (shows "clear"). */
  active: boolean;
  /** Null when the user reaches a single org (nothing to choose). */
  orgs: OrgUnit[] | null;
  orgsLoading: boolean;
  onChange: (patch: FilterPatch<F>) => void;
  onClear: () => void;
}

export interface RecordFiltersProps<F extends BaseFilter> extends ListFiltersProps<F> {
  testId: string;
  /** The list's own selects, in order, between the org and the dates. */
  selects: FilterSelectSpec<F>[];
  /** The from–to range's words; omitted for a list without dates. */
  dates?: { label: string; start: string; end: string };
  /** The sort order's select; omitted for a list with one order. */
  sort?: { label: string; options: FilterOption[]; defaultValue: string };
  clearText: string;
}

export function RecordFilters<F extends BaseFilter>(props: RecordFiltersProps<F>) {
  const { filter, onChange, dates } = props;
  const { t } = useI18n();
  const change = (param: string, value: string | undefined) => onChange({ [param]: value } as FilterPatch<F>);
  return (
    <div className="db-filters" data-testid={props.testId}>
      {props.orgs && (
        <OrgSelect
          testId="filter-org"
          orgs={props.orgs}
          loading={props.orgsLoading}
          value={filter.org}
          onChange={(org) => change('org', org)}
          allowClear
          placeholder={t('org.allInScope')}
          className="db-w-220"
        />
      )}
      {props.selects.map((spec) => (
        <FilterSelect
          key={spec.param}
          spec={spec}
          value={filter[spec.param] as string | undefined}
          onChange={(next) => change(spec.param, next)}
        />
      ))}
      {dates && (
        <DatePicker.RangePicker
          aria-label={dates.label}
          data-testid="filter-dates"
          format={DATE_INPUT_FORMATS}
          value={[filter.from ? pickerDay(filter.from) : null, filter.to ? pickerDay(filter.to) : null]}
          allowEmpty={[true, true]}
          placeholder={[dates.start, dates.end]}
          onChange={(range) =>
            onChange({
              from: range?.[0]?.format(DATE_FORMAT) ?? undefined,
              to: range?.[1]?.format(DATE_FORMAT) ?? undefined,
            } as FilterPatch<F>)
          }
          className="db-w-260"
        />
      )}
      {props.sort && (
        <Select
          aria-label={props.sort.label}
          data-testid="filter-sort"
          value={filter.sort ?? props.sort.defaultValue}
          onChange={(sort: string) => change('sort', sort === props.sort?.defaultValue ? undefined : sort)}
          options={props.sort.options}
          className="db-w-200"
          popupMatchSelectWidth={false}
        />
      )}
      {props.active && (
        <Button onClick={props.onClear} data-testid="filter-clear">
          {props.clearText}
        </Button>
      )}
    </div>
  );
}
