// /oplog (操作日志): leadership's and auditors' street-wide log of every audit-trail event —
// who did what to which record, when — narrowed by person, kind, action and days, with its total.
// Read only; the server decides who may read it (oplog:read) and what they reach. 导出 gives the
// filtered rows as a workbook (an audited export, contracts AUDITED_EXPORTS).
import { IdSchema } from '@dutyboard/contracts/common';
import { AuditActionSchema, OplogKindSchema } from '@dutyboard/contracts/oplog';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { LocalDateParam, paramsReader } from '../../../lib/use-url-filter.ts';
import { useOplog } from '../api/oplog.ts';
import { OplogFilters } from '../components/oplog-filters.tsx';
import { OplogTable } from '../components/oplog-table.tsx';

const FILTER = {
  parse: paramsReader({
    user: IdSchema,
    kind: OplogKindSchema,
    action: AuditActionSchema,
    from: LocalDateParam,
    to: LocalDateParam,
  }),
  keys: ['user', 'kind', 'action', 'from', 'to'],
} as const;

export function OplogRoute() {
  return (
    <RecordListRoute
      read="oplog:read"
      filter={FILTER}
      useList={useOplog}
      messages="oplog"
      testIds={['oplog', 'oplog']}
      Filters={OplogFilters}
      Table={OplogTable}
      exportList="oplog"
    />
  );
}
