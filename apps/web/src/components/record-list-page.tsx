// The frame every record list shares: the head with its "new" button and the list's total (and the
// figure it was reached from), the filters, the table in a
// card (or loading / error in its place), the "load more" footer of the keyset pages and the empty
// state that offers to clear the filters; and RecordListRoute, the route around it. Each list
// route configures it with its own texts, test ids, filters and table.
import { PlusOutlined } from '@ant-design/icons';
import type { ExportList } from '@dutyboard/contracts/exports';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { Action } from '@dutyboard/contracts/permissions';
import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { can } from '../lib/auth.ts';
import { useCurrentUser } from '../lib/current-user.tsx';
import { errorText } from '../lib/error-text.ts';
import type { MessageKey, Translate } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { useOrgChoices } from '../lib/orgs.ts';
import { type UrlFilterOptions, useUrlFilter } from '../lib/use-url-filter.ts';
import { ErrorState } from './error-state.tsx';
import { ExportButton } from './export-button.tsx';
import { ListTotal } from './list-total.tsx';
import { PageLoading } from './page-loading.tsx';
import type { ListFiltersProps } from './record-filters.tsx';
import type { ListTableProps } from './record-table.tsx';
import { ForbiddenPage } from './status-page.tsx';

/** What the page needs of its infinite list query (TanStack Query's `useInfiniteQuery`). */
interface InfiniteList<Row> {
  data: { pages: { items: Row[]; total?: number | null }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

/** The page's words, already translated. */
export interface RecordListTexts {
  title: string;
  new: string;
  empty: string;
  emptyFiltered: string;
  clearFilters: string;
  loadMore: string;
  shown: (count: number) => string;
  allLoaded: (count: number) => string;
}

type ListTextName = 'title' | 'new' | 'empty' | 'emptyFiltered' | 'clearFilters' | 'loadMore' | 'shown' | 'allLoaded';

/** The message prefixes that have every list text: 'activities', 'riskAlerts', … */
export type ListMessagePrefix = {
  [K in MessageKey]: K extends `${infer P}.title` ? (`${P}.${ListTextName}` extends MessageKey ? P : never) : never;
}[MessageKey];

/** A list's texts from its messages `<prefix>.title`, `<prefix>.new`, … `<prefix>.allLoaded`. */
export function listTexts(t: Translate, prefix: ListMessagePrefix): RecordListTexts {
  // The prefix's type guarantees that every one of these keys exists.
  const text = (name: ListTextName, vars?: { count: number }) => t(`${prefix}.${name}` as MessageKey, vars);
  return {
    title: text('title'),
    new: text('new'),
    empty: text('empty'),
    emptyFiltered: text('emptyFiltered'),
    clearFilters: text('clearFilters'),
    loadMore: text('loadMore'),
    shown: (count) => text('shown', { count }),
    allLoaded: (count) => text('allLoaded', { count }),
  };
}

/** The test ids of a list whose record is `one` ('activity') and whose list is `many` ('activities'). */
export function listTestIds(one: string, many: string): RecordListTestIds {
  return { new: `${one}-new`, newEmpty: `${one}-new-empty`, empty: `${many}-empty`, allLoaded: `${many}-all-loaded` };
}

export interface RecordListTestIds {
  /** The head's "new" button. */
  new: string;
  /** The empty state's "new" button. */
  newEmpty: string;
  empty: string;
  allLoaded: string;
}

interface RecordListPageProps<Row> {
  texts: RecordListTexts;
  testIds: RecordListTestIds;
  /** Where "new" goes (with the current filter's org, say); null hides the buttons (not allowed). */
  newPath: string | null;
  /** Whether the empty state offers "new" while the list is filtered too (default true). */
  newWhenFiltered?: boolean;
  filtered: boolean;
  onClearFilters: () => void;
  filters: ReactNode;
  list: InfiniteList<Row>;
  renderTable: (rows: Row[], empty: ReactNode) => ReactNode;
  /** Offers "导出" (xlsx / csv) of this list with the filter it shows: the export and its query. */
  exportList?: { list: ExportList; query: Record<string, string | undefined> };
}

/**
 * The orgs a list may filter by: null when the user reaches a single org (nothing to choose), and
 * whether the table shows each row's org (not when the user has only one).
 */
export function useListOrgs(allowed: boolean): { orgs: OrgUnit[] | null; loading: boolean; showOrg: boolean } {
  const { choices, loading, offer } = useOrgChoices(allowed);
  return { orgs: offer ? choices : null, loading, showOrg: choices.length !== 1 };
}

interface RecordListRouteProps<F extends Record<string, string | undefined>, Row> {
  /** Who may read the list; who may create (with `newPath`). */
  read: Action;
  write?: Action;
  /** The filter the URL describes (see use-url-filter.ts). */
  filter: UrlFilterOptions<F>;
  /** The list's infinite query; `enabled` is false for a user who may not read it. */
  useList: (filter: F, options: { enabled: boolean }) => InfiniteList<Row>;
  /** The prefix of the list's messages (`<prefix>.title` …) and its test ids: [record, list]. */
  messages: ListMessagePrefix;
  testIds: [one: string, many: string];
  /** Where "new" goes for the filter shown (its org, say); without it there is no "new" here. */
  newPath?: (filter: F) => string;
  newWhenFiltered?: boolean;
  Filters: ComponentType<ListFiltersProps<F>>;
  Table: ComponentType<ListTableProps<Row>>;
  /** The export of this list, with the filter it shows (none: no "导出"). */
  exportList?: ExportList;
}

/**
 * A record list route: its filter from the URL, its query, the orgs it may filter by, and the
 * frame below, declared once; each list gives its permissions, messages, filters and table.
 */
export function RecordListRoute<F extends Record<string, string | undefined>, Row>(
  props: RecordListRouteProps<F, Row>,
) {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter(props.filter);
  const allowed = can(me, props.read);
  const canCreate = props.write !== undefined && can(me, props.write);
  const orgs = useListOrgs(allowed);
  const list = props.useList(filter, { enabled: allowed });
  if (!allowed) return <ForbiddenPage />;

  const { Filters, Table } = props;
  return (
    <RecordListPage
      texts={listTexts(t, props.messages)}
      testIds={listTestIds(...props.testIds)}
      newPath={canCreate && props.newPath ? props.newPath(filter) : null}
      newWhenFiltered={props.newWhenFiltered}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <Filters
          filter={filter}
          active={filtered}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={props.exportList ? { list: props.exportList, query: filter } : undefined}
      list={list}
      renderTable={(rows, empty) => <Table rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}

export function RecordListPage<Row>({
  texts,
  testIds,
  newPath,
  newWhenFiltered = true,
  filtered,
  onClearFilters,
  filters,
  list,
  renderTable,
  exportList,
}: RecordListPageProps<Row>) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();

  const newButton = (testId: string) =>
    newPath !== null && (
      <Button
        type="primary"
        size="large"
        icon={<PlusOutlined />}
        data-testid={testId}
        onClick={() => void navigate(newPath)}
      >
        {texts.new}
      </Button>
    );

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid={testIds.empty}
      description={
        <Space orientation="vertical" size={0}>
          <span>{texts.empty}</span>
          {filtered && <Typography.Text type="secondary">{texts.emptyFiltered}</Typography.Text>}
        </Space>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        {(newWhenFiltered || !filtered) && newButton(testIds.newEmpty)}
        {filtered && <Button onClick={onClearFilters}>{texts.clearFilters}</Button>}
      </Space>
    </Empty>
  );

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <div className="db-page-head">
        <div className="db-page-title">
          <h1>{texts.title}</h1>
          <ListTotal total={list.data?.pages[0]?.total} />
        </div>
        <Space wrap>
          {exportList && <ExportButton list={exportList.list} query={exportList.query} />}
          {newButton(testIds.new)}
        </Space>
      </div>
      {filters}
      {list.isPending ? (
        <PageLoading rows={8} />
      ) : list.isError && rows.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {renderTable(rows, empty)}
          {rows.length > 0 && (
            <div style={{ padding: 16, textAlign: 'center' }}>
              {list.isFetchNextPageError && (
                <Alert
                  type="warning"
                  showIcon
                  title={errorText(list.error, lang, t)}
                  style={{ marginBottom: 12, textAlign: 'left' }}
                />
              )}
              {list.hasNextPage ? (
                <Space orientation="vertical" size={4}>
                  <Button
                    size="large"
                    onClick={() => void list.fetchNextPage()}
                    loading={list.isFetchingNextPage}
                    data-testid="load-more"
                  >
                    {texts.loadMore}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {texts.shown(rows.length)}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary" data-testid={testIds.allLoaded}>
                  {texts.allLoaded(rows.length)}
                </Typography.Text>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
