// 主题活动 import: the export's columns (so an exported list reads back), each row checked with
// CreateActivityInputSchema. Natural key: org + time + title.
import {
  ACTIVITY_CATEGORIES,
  type CreateActivityInput,
  CreateActivityInputSchema,
} from '@dutyboard/contracts/activities';
import { ACTIVITY_CATEGORY_LABELS, zhLabels } from '@dutyboard/contracts/labels';
import { storedActivity } from '../activities/activities.ts';
import { SERIAL_HEADER } from '../exports/columns.ts';
import type { BulkColumn } from './bulk.ts';
import { readChoice, readInt } from './cells.ts';
import { occurredAtColumn, RECORD_ORG_COLUMN, type RecordItem, recordRows } from './record-rows.ts';
import { type ColumnSpec, type Db, type ImportSpec, textCell } from './spec.ts';

/** Categories as the pages name them: a template filled in from the list reads back. */
const ACTIVITY_CATEGORY_ZH = zhLabels(ACTIVITY_CATEGORY_LABELS);

export type ActivityItem = RecordItem<CreateActivityInput>;

/** The stored fields' columns (record-rows.ts adds the id and the stamps). */
const ACTIVITY_COLUMNS: BulkColumn[] = [
  { name: 'orgId', type: 'uuid' },
  { name: 'category', type: '"ActivityCategory"' },
  { name: 'title', type: 'text' },
  { name: 'occurredAt', type: 'timestamptz' },
  { name: 'timeKnown', type: 'boolean' },
  { name: 'location', type: 'text' },
  { name: 'participants', type: 'int' },
  { name: 'description', type: 'text' },
];

const columns: ColumnSpec[] = [
  occurredAtColumn('活动时间', '2026-05-20 14:30'),
  RECORD_ORG_COLUMN,
  {
    key: 'category',
    header: '活动类别',
    required: true,
    width: 16,
    hint: '从下拉列表中选择',
    example: ACTIVITY_CATEGORY_ZH.RED_SONGS,
    choices: ACTIVITY_CATEGORIES.map((c) => ACTIVITY_CATEGORY_ZH[c]),
    read: (raw) => readChoice(raw, ACTIVITY_CATEGORY_ZH),
  },
  {
    key: 'title',
    header: '活动名称',
    required: true,
    width: 40,
    hint: '不超过 200 字',
    example: '“唱支山歌给党听”红色歌曲大家唱',
    read: textCell,
  },
  {
    key: 'participants',
    header: '参加人数',
    required: true,
    width: 10,
    hint: '整数，1 至 100000',
    example: '45',
    read: readInt,
  },
  {
    key: 'location',
    header: '地点',
    required: false,
    width: 24,
    hint: '不超过 200 字',
    example: '村党群服务中心',
    read: textCell,
  },
  {
    key: 'description',
    header: '活动内容',
    required: false,
    width: 50,
    hint: '不超过 5000 字',
    example: '组织党员群众传唱红色经典歌曲',
    read: textCell,
  },
];

export const activitiesSpec: ImportSpec<ActivityItem> = {
  kind: 'activities',
  entityType: 'Activity',
  ...recordRows({
    columns,
    schema: CreateActivityInputSchema,
    keyOf: (input) => activityKey(input.orgId, new Date(input.occurredAt), input.title),
    table: 'Activity',
    bulkColumns: ACTIVITY_COLUMNS,
    stored: storedActivity,
  }),
  ignoredHeaders: [SERIAL_HEADER, '录入时间', '最后修改', '记录编号'],
  keyLabel: '组织、活动时间、活动名称',
  existing: (db, items) => existingActivities(db, items),
};

export function activityKey(orgId: string, occurredAt: Date, title: string): string {
  return `${orgId}|${occurredAt.getTime()}|${title}`;
}

/** The keys among the items that are stored already: one query per chunk, on the org + time index. */
async function existingActivities(db: Db, items: readonly ActivityItem[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await db.$queryRawUnsafe<{ orgId: string; occurredAt: Date; title: string }[]>(
    `SELECT a."orgId", a."occurredAt", a.title
       FROM "Activity" a
       JOIN unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS k(org, at, title)
         ON a."orgId" = k.org AND a."occurredAt" = k.at AND a.title = k.title`,
    items.map((i) => i.input.orgId),
    items.map((i) => new Date(i.input.occurredAt).toISOString()),
    items.map((i) => i.input.title),
  );
  return new Set(rows.map((r) => activityKey(r.orgId, r.occurredAt, r.title)));
}
