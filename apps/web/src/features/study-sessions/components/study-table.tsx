import type { StudySession } from '@dutyboard/contracts/study-sessions';
import type { TableColumnsType } from 'antd';
import { dateTimeColumn, listTable, orgColumns, RowLink } from '../../../components/record-table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { StudyKindTag } from './kind-tag.tsx';

const topicLink = (row: StudySession) => (
  <RowLink to={`/study-sessions/${row.id}`} style={{ overflowWrap: 'anywhere' }}>
    {row.topic}
  </RowLink>
);

/** "18/20": present of expected; a count not recorded reads "—". */
export function attendanceText(row: Pick<StudySession, 'actualAttendance' | 'expectedAttendance'>): string {
  if (row.actualAttendance === null && row.expectedAttendance === null) return '—';
  return `${row.actualAttendance ?? '—'}/${row.expectedAttendance ?? '—'}`;
}

/** Phone: one compact column, topic first with time, kind and org under it; attendance beside. */
function compactColumns(t: Translate, showOrg: boolean): TableColumnsType<StudySession> {
  return [
    {
      key: 'summary',
      title: t('studySessions.colTopic'),
      render: (_: unknown, row) => (
        <div>
          {topicLink(row)}
          <div className="db-row-meta">
            <span>{formatDateTime(row.occurredAt, row.timeKnown)}</span> <StudyKindTag kind={row.kind} />
            {showOrg ? <span>{row.orgName}</span> : null}
          </div>
        </div>
      ),
    },
    {
      key: 'attendance',
      title: t('studySessions.colAttendanceShort'),
      width: 72,
      align: 'right',
      render: (_: unknown, row) => <span style={{ whiteSpace: 'nowrap' }}>{attendanceText(row)}</span>,
    },
  ];
}

function fullColumns(t: Translate, showOrg: boolean): TableColumnsType<StudySession> {
  return [
    dateTimeColumn<StudySession>('occurredAt', t('studySessions.colDate'), 150, (row) => row.timeKnown),
    ...orgColumns<StudySession>(showOrg, t('studySessions.colOrg')),
    {
      key: 'kind',
      title: t('studySessions.colKind'),
      dataIndex: 'kind',
      width: 140,
      render: (kind: StudySession['kind']) => <StudyKindTag kind={kind} />,
    },
    {
      key: 'topic',
      title: t('studySessions.colTopic'),
      dataIndex: 'topic',
      render: (_: string, row) => topicLink(row),
    },
    {
      key: 'host',
      title: t('studySessions.colHost'),
      dataIndex: 'host',
      width: 150,
      render: (host: string | null) => host ?? '—',
    },
    {
      key: 'attendance',
      title: t('studySessions.colAttendance'),
      width: 100,
      align: 'right',
      render: (_: unknown, row) => attendanceText(row),
    },
  ];
}

/**
 * The records; a row (or its topic link) opens the detail. On a phone nothing has to be scrolled
 * sideways to read a row; wider screens get the full table, which scrolls inside itself if needed.
 */
export const StudyTable = listTable<StudySession>({
  testId: 'study-table',
  width: 760,
  rowHref: (row) => `/study-sessions/${row.id}`,
  compact: compactColumns,
  full: fullColumns,
});
