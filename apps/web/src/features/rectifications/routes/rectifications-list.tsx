import { IdSchema } from '@dutyboard/contracts/common';
import {
  RectificationDateFieldSchema,
  RectificationSortSchema,
  RectificationSourceSchema,
  RectificationStatusSchema,
} from '@dutyboard/contracts/rectifications';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import { FlagParam, LocalDateParam, paramsReader } from '../../../lib/use-url-filter.ts';
import { useRectifications } from '../api/get-rectifications.ts';
import { RectificationFilters } from '../components/rectification-filters.tsx';
import { RectificationTable } from '../components/rectification-table.tsx';

const FILTER_KEYS = ['org', 'status', 'open', 'source', 'overdue', 'dateField', 'from', 'to'] as const;

const FILTER = {
  parse: paramsReader({
    org: IdSchema,
    status: RectificationStatusSchema,
    source: RectificationSourceSchema,
    overdue: FlagParam,
    open: FlagParam,
    // createdAt is the default: the URL says so by leaving the param out.
    dateField: RectificationDateFieldSchema.exclude(['createdAt']),
    from: LocalDateParam,
    to: LocalDateParam,
    sort: RectificationSortSchema,
  }),
  keys: FILTER_KEYS,
  // The date field alone does not narrow the list (only with a range).
  isFiltered: (filter: Partial<Record<(typeof FILTER_KEYS)[number], string>>) =>
    FILTER_KEYS.some((key) => key !== 'dateField' && Boolean(filter[key])),
};

export function RectificationsListRoute() {
  return (
    <RecordListRoute
      read="rectification:read"
      write="rectification:write"
      filter={FILTER}
      useList={useRectifications}
      messages="rectifications"
      testIds={['rectification', 'rectifications']}
      newPath={(filter) => pathWithQuery('/rectifications/new', { org: filter.org })}
      Filters={RectificationFilters}
      Table={RectificationTable}
      exportList="rectifications"
    />
  );
}
