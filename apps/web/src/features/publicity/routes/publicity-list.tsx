import { IdSchema } from '@dutyboard/contracts/common';
import { PublicityLevelSchema, PublicitySortSchema } from '@dutyboard/contracts/publicity';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import { LocalDateParam, paramsReader } from '../../../lib/use-url-filter.ts';
import { usePublicityList } from '../api/get-publicity-list.ts';
import { PublicityFilters } from '../components/publicity-filters.tsx';
import { PublicityTable } from '../components/publicity-table.tsx';

const FILTER = {
  parse: paramsReader({
    org: IdSchema,
    level: PublicityLevelSchema,
    from: LocalDateParam,
    to: LocalDateParam,
    sort: PublicitySortSchema,
  }),
  keys: ['org', 'level', 'from', 'to'],
} as const;

export function PublicityListRoute() {
  return (
    <RecordListRoute
      read="publicity:read"
      write="publicity:write"
      filter={FILTER}
      useList={usePublicityList}
      messages="publicity"
      testIds={['publicity', 'publicity']}
      newPath={(filter) => pathWithQuery('/publicity/new', { org: filter.org })}
      Filters={PublicityFilters}
      Table={PublicityTable}
      exportList="publicity"
    />
  );
}
