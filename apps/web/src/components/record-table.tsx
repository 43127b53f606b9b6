// The table every record list and admin list shares: one compact column set on a phone (nothing to
// scroll sideways), the full set on wider screens (scrolling inside itself if needed), no pages of
// its own (the lists load more below it), the list's empty state, and — for records that have a
// detail page — rows that open it. Plus the columns several tables declare alike, and `listTable`,
// the record lists' tables assembled from their two column sets.
import { Grid, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, type LinkProps, useNavigate } from 'react-router';
import { formatDateTime } from '../lib/dates.ts';
import type { Lang, Translate } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';

/** What a record list gives its table (see record-list-page.tsx). */
export interface ListTableProps<Row> {
  rows: Row[];
  empty: ReactNode;
  /** Whether each row's org shows (not when the user reaches a single org). */
  showOrg: boolean;
}

type RecordTableProps<Row> = Omit<TableProps<Row>, 'columns' | 'dataSource' | 'scroll' | 'size' | 'locale'> & {
  testId: string;
  rows: Row[];
  empty: ReactNode;
  /** The columns for a phone (true) or a wider screen (false). */
  columns: (phone: boolean) => TableColumnsType<Row>;
  /** The full table's width, past which it scrolls inside itself. */
  scrollX: number;
  /** Below which screen width the compact columns show (default sm). */
  breakpoint?: 'sm' | 'md';
  /** The detail page a row opens; without it rows are not clickable. */
  rowHref?: (row: Row) => string;
};

export function RecordTable<Row extends { id: string }>({
  testId,
  rows,
  empty,
  columns,
  scrollX,
  breakpoint = 'sm',
  rowHref,
  ...rest
}: RecordTableProps<Row>) {
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint()[breakpoint];
  const clickable: Partial<TableProps<Row>> = rowHref
    ? {
        rowClassName: () => 'db-clickable-row',
        onRow: (row) => ({
          onClick: () => {
            void navigate(rowHref(row));
          },
        }),
      }
    : {};
  return (
    <Table<Row>
      data-testid={testId}
      rowKey="id"
      size={phone ? 'small' : 'middle'}
      dataSource={rows}
      pagination={false}
      scroll={phone ? undefined : { x: scrollX }}
      locale={{ emptyText: empty }}
      {...clickable}
      {...rest}
      columns={columns(phone)}
    />
  );
}

/** A link to a record's page inside a clickable row (the click is the link's, not the row's too). */
export function RowLink(props: LinkProps) {
  return <Link {...props} onClick={(e) => e.stopPropagation()} />;
}

/** An instant shown as a Shanghai "YYYY-MM-DD HH:mm" on one line. */
export function dateTimeColumn<Row>(
  key: keyof Row & string,
  title: string,
  width: number,
  /** Whether the row's time of day is known (records' timeKnown); the date alone when not. */
  timeKnown: (row: Row) => boolean = () => true,
): TableColumnsType<Row>[number] {
  return {
    key,
    title,
    dataIndex: key,
    width,
    render: (value: string, row: Row) => (
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value, timeKnown(row))}</span>
    ),
  };
}

/** The org column's usual width. */
export const ORG_COLUMN_WIDTH = 150;

/** The row's org, only while the user reaches several (with one, every row would repeat its name). */
export function orgColumns<Row>(showOrg: boolean, title: string, width = ORG_COLUMN_WIDTH): TableColumnsType<Row> {
  return showOrg ? [{ key: 'orgName', title, dataIndex: 'orgName', width }] : [];
}

/** A list's column set for the user's language, with or without the org column. */
export type ListColumns<Row> = (t: Translate, showOrg: boolean, lang: Lang) => TableColumnsType<Row>;

export interface ListTableSpec<Row> {
  testId: string;
  /** The full table's width without the org column; the org column (ORG_COLUMN_WIDTH) adds its own. */
  width: number;
  /** The detail page a row opens; without it rows are not clickable. */
  rowHref?: (row: Row) => string;
  /** Phone: one compact column set (nothing to scroll sideways). */
  compact: ListColumns<Row>;
  /** Wider screens: the full set, which scrolls inside itself if needed. */
  full: ListColumns<Row>;
}

/** A record list's table (what record-list-page.tsx renders), declared by its two column sets. */
export function listTable<Row extends { id: string }>(spec: ListTableSpec<Row>) {
  return function ListTable({ rows, empty, showOrg }: ListTableProps<Row>) {
    const { t, lang } = useI18n();
    return (
      <RecordTable<Row>
        testId={spec.testId}
        rows={rows}
        empty={empty}
        scrollX={spec.width + (showOrg ? ORG_COLUMN_WIDTH : 0)}
        rowHref={spec.rowHref}
        columns={(phone) => (phone ? spec.compact : spec.full)(t, showOrg, lang)}
      />
    );
  };
}
