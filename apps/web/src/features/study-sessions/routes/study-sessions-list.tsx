import { IdSchema } from '@dutyboard/contracts/common';
import {
  StudyFigureSchema,
  StudyKindSchema,
  StudySessionSortSchema,
  StudyTopicGroupSchema,
  StudyTopicSchema,
} from '@dutyboard/contracts/study-sessions';
import { listTexts, RecordListPage, useListOrgs } from '../../../components/record-list-page.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { isLocalDate } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import type { StudySessionListFilter } from '../../../lib/query-keys.ts';
import { useUrlFilter } from '../../../lib/use-url-filter.ts';
import { useStudySessions } from '../api/get-study-sessions.ts';
import { StudyFilters } from '../components/study-filters.tsx';
import { StudyTable } from '../components/study-table.tsx';

const FILTER_KEYS = ['org', 'kind', 'topicGroup', 'topicCategory', 'figure', 'from', 'to'] as const;

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): StudySessionListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const kind = StudyKindSchema.safeParse(params.get('kind'));
  const topicCategory = StudyTopicSchema.safeParse(params.get('topicCategory'));
  const topicGroup = StudyTopicGroupSchema.safeParse(params.get('topicGroup'));
  const figure = StudyFigureSchema.safeParse(params.get('figure'));
  const sort = StudySessionSortSchema.safeParse(params.get('sort'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    kind: kind.success ? kind.data : undefined,
    topicCategory: topicCategory.success ? topicCategory.data : undefined,
    topicGroup: topicGroup.success ? topicGroup.data : undefined,
    figure: figure.success ? figure.data : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function StudySessionsListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter({ parse: filterFromParams, keys: FILTER_KEYS });
  const allowed = can(me, 'study:read');
  const canCreate = can(me, 'study:write');
  const orgs = useListOrgs(allowed);
  const list = useStudySessions(filter, { enabled: allowed });
  if (!allowed) return <ForbiddenPage />;

  return (
    <RecordListPage
      texts={listTexts(t, 'studySessions')}
      testIds={{
        new: 'study-new',
        newEmpty: 'study-new-empty',
        empty: 'study-sessions-empty',
        allLoaded: 'study-sessions-all-loaded',
      }}
      // The new session starts in the org and kind the list shows.
      newPath={canCreate ? pathWithQuery('/study-sessions/new', { org: filter.org, kind: filter.kind }) : null}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <StudyFilters
          filter={filter}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={{ list: 'study-sessions', query: filter }}
      list={list}
      renderTable={(rows, empty) => <StudyTable rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}
