// 学习研讨 import: the export's columns, each row checked with CreateStudySessionInputSchema (its
// attendance rules included). Natural key: org + kind + time + topic.

import { STUDY_KIND_LABELS, STUDY_TOPIC_LABELS, zhLabels } from '@dutyboard/contracts/labels';
import {
  type Absentee,
  type CreateStudySessionInput,
  CreateStudySessionInputSchema,
  STUDY_KINDS,
  STUDY_TOPICS,
} from '@dutyboard/contracts/study-sessions';
import { SERIAL_HEADER } from '../exports/columns.ts';
import { storedStudySession } from '../study-sessions/study-sessions.ts';
import type { BulkColumn } from './bulk.ts';
import { type Raw, type Read, readChoice, readInt, readText } from './cells.ts';
import { occurredAtColumn, RECORD_ORG_COLUMN, type RecordItem, recordRows } from './record-rows.ts';
import { type ColumnSpec, type Db, type ImportSpec, textCell } from './spec.ts';

/** Kinds and topics as the pages name them. */
const STUDY_KIND_ZH = zhLabels(STUDY_KIND_LABELS);
const STUDY_TOPIC_ZH = zhLabels(STUDY_TOPIC_LABELS);

export type StudySessionItem = RecordItem<CreateStudySessionInput>;

/**
 * "张三：因病请假；李四：出差" (as the export writes it) → [{ name, reason }]. People are separated
 * by ；/; or new lines, name and reason by ：/:.
 */
export function readAbsentees(raw: Raw): Read<Absentee[]> {
  const text = readText(raw);
  if (!text.ok || text.value === undefined) return text as Read<Absentee[]>;
  const people: Absentee[] = [];
  for (const part of text.value.split(/[；;\n\r]+/)) {
    const entry = part.trim();
    if (!entry) continue;
    const at = entry.search(/[：:]/);
    if (at <= 0 || at === entry.length - 1) {
      return { ok: false, reason: `“${entry.slice(0, 30)}”须写成“姓名：缺席原因”，多人之间用“；”隔开` };
    }
    people.push({ name: entry.slice(0, at).trim(), reason: entry.slice(at + 1).trim() });
  }
  return { ok: true, value: people.length > 0 ? people : undefined };
}

/** The stored fields' columns (record-rows.ts adds the id and the stamps). */
const STUDY_SESSION_COLUMNS: BulkColumn[] = [
  { name: 'orgId', type: 'uuid' },
  { name: 'kind', type: '"StudyKind"' },
  { name: 'topicCategory', type: '"StudyTopic"' },
  { name: 'topic', type: 'text' },
  { name: 'occurredAt', type: 'timestamptz' },
  { name: 'timeKnown', type: 'boolean' },
  { name: 'host', type: 'text' },
  { name: 'expectedAttendance', type: 'int' },
  { name: 'actualAttendance', type: 'int' },
  { name: 'absentees', type: 'jsonb' },
  { name: 'materials', type: 'text' },
  { name: 'minutes', type: 'text' },
];

const columns: ColumnSpec[] = [
  occurredAtColumn('学习时间', '2026-04-10 09:00'),
  RECORD_ORG_COLUMN,
  {
    key: 'kind',
    header: '学习类型',
    required: true,
    width: 16,
    hint: '从下拉列表中选择',
    example: STUDY_KIND_ZH.BRANCH_STUDY,
    choices: STUDY_KINDS.map((k) => STUDY_KIND_ZH[k]),
    read: (raw) => readChoice(raw, STUDY_KIND_ZH),
  },
  {
    key: 'topicCategory',
    header: '主题类别',
    required: false,
    width: 14,
    hint: '从下拉列表中选择；不填按“其他”',
    example: STUDY_TOPIC_ZH.THEORY,
    choices: STUDY_TOPICS.map((t) => STUDY_TOPIC_ZH[t]),
    read: (raw) => readChoice(raw, STUDY_TOPIC_ZH),
  },
  {
    key: 'topic',
    header: '学习主题',
    required: true,
    width: 40,
    hint: '不超过 200 字',
    example: '学习党的创新理论',
    read: textCell,
  },
  {
    key: 'host',
    header: '主持人',
    required: false,
    width: 12,
    hint: '不超过 64 字',
    example: '王书记',
    read: textCell,
  },
  {
    key: 'expectedAttendance',
    header: '应到人数',
    required: false,
    width: 10,
    hint: '整数，1 至 100000',
    example: '20',
    read: readInt,
  },
  {
    key: 'actualAttendance',
    header: '实到人数',
    required: false,
    width: 10,
    hint: '整数，不多于应到人数',
    example: '18',
    read: readInt,
  },
  {
    key: 'absentees',
    header: '缺席人员',
    required: false,
    width: 30,
    hint: '姓名：原因，多人用“；”隔开；人数不多于应到减实到',
    example: '张三：因病请假；李四：外出务工',
    read: readAbsentees,
  },
  {
    key: 'materials',
    header: '学习材料',
    required: false,
    width: 40,
    hint: '不超过 5000 字',
    example: '',
    read: textCell,
  },
  {
    key: 'minutes',
    header: '会议记录',
    required: false,
    width: 50,
    hint: '不超过 20000 字',
    example: '',
    read: textCell,
  },
];

export const studySessionsSpec: ImportSpec<StudySessionItem> = {
  kind: 'study-sessions',
  entityType: 'StudySession',
  ...recordRows({
    columns,
    schema: CreateStudySessionInputSchema,
    keyOf: (input) => studySessionKey(input.orgId, input.kind, new Date(input.occurredAt), input.topic),
    table: 'StudySession',
    bulkColumns: STUDY_SESSION_COLUMNS,
    stored: storedStudySession,
  }),
  ignoredHeaders: [SERIAL_HEADER, '录入时间', '最后修改', '记录编号'],
  keyLabel: '组织、学习类型、学习时间、学习主题',
  existing: (db, items) => existingStudySessions(db, items),
};

export function studySessionKey(orgId: string, kind: string, occurredAt: Date, topic: string): string {
  return `${orgId}|${kind}|${occurredAt.getTime()}|${topic}`;
}

async function existingStudySessions(db: Db, items: readonly StudySessionItem[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await db.$queryRawUnsafe<{ orgId: string; kind: string; occurredAt: Date; topic: string }[]>(
    `SELECT s."orgId", s.kind::text AS kind, s."occurredAt", s.topic
       FROM "StudySession" s
       JOIN unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS k(org, kind, at, topic)
         ON s."orgId" = k.org AND s.kind::text = k.kind AND s."occurredAt" = k.at AND s.topic = k.topic`,
    items.map((i) => i.input.orgId),
    items.map((i) => i.input.kind),
    items.map((i) => new Date(i.input.occurredAt).toISOString()),
    items.map((i) => i.input.topic),
  );
  return new Set(rows.map((r) => studySessionKey(r.orgId, r.kind, r.occurredAt, r.topic)));
}
