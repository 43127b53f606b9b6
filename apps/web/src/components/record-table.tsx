// The table every record list and admin list shares: one compact column set on a phone (nothing to
// scroll sideways), the full set on wider screens (scrolling inside itself if needed), no pages of
// its own (the lists load more below it), the list's empty state, and — for records that have a
// detail page — rows that open it. Plus the columns several tables declare alike.
import { Grid, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, type LinkProps, useNavigate } from 'react-router';
import { formatDateTime } from '../lib/dates.ts';

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
): TableColumnsType<Row>[number] {
  return {
    key,
    title,
    dataIndex: key,
    width,
    render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
  };
}

/** The row's org, only while the user reaches several (with one, every row would repeat its name). */
export function orgColumns<Row>(showOrg: boolean, title: string, width = 150): TableColumnsType<Row> {
  return showOrg ? [{ key: 'orgName', title, dataIndex: 'orgName', width }] : [];
}
