import { IdSchema } from '@dutyboard/contracts/common';
import {
  StudyFigureSchema,
  StudyKindSchema,
  StudySessionSortSchema,
  StudyTopicGroupSchema,
  StudyTopicSchema,
} from '@dutyboard/contracts/study-sessions';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import { LocalDateParam, paramsReader } from '../../../lib/use-url-filter.ts';
import { useStudySessions } from '../api/get-study-sessions.ts';
import { MakeUpsOwedCard } from '../components/make-ups-owed.tsx';
import { StudyFilters } from '../components/study-filters.tsx';
import { StudyTable } from '../components/study-table.tsx';

const FILTER = {
  parse: paramsReader({
    org: IdSchema,
    kind: StudyKindSchema,
    topicCategory: StudyTopicSchema,
    topicGroup: StudyTopicGroupSchema,
    figure: StudyFigureSchema,
    from: LocalDateParam,
    to: LocalDateParam,
    sort: StudySessionSortSchema,
  }),
  keys: ['org', 'kind', 'topicGroup', 'topicCategory', 'figure', 'from', 'to'],
} as const;

export function StudySessionsListRoute() {
  return (
    <>
      <MakeUpsOwedCard />
      <RecordListRoute
        read="study:read"
        write="study:write"
        filter={FILTER}
        useList={useStudySessions}
        messages="studySessions"
        testIds={['study', 'study-sessions']}
        // The new session starts in the org and kind the list shows.
        newPath={(filter) => pathWithQuery('/study-sessions/new', { org: filter.org, kind: filter.kind })}
        Filters={StudyFilters}
        Table={StudyTable}
        exportList="study-sessions"
      />
    </>
  );
}
