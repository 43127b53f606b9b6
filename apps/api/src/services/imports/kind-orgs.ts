// 组织架构 import: each row checked with CreateOrgInputSchema; a parent is named by its code and
// may be an org already in the system or another row of the file, in any order (the rows are
// written parents first). Natural key: the org code (unique).

import { zhMessage } from '@dutyboard/contracts/error-messages';
import type { ImportProblem } from '@dutyboard/contracts/imports';
import { ORG_KIND_LABELS, zhLabels } from '@dutyboard/contracts/labels';
import {
  type CreateOrgInput,
  CreateOrgInputSchema,
  ORG_KINDS,
  type OrgKind,
  parentAllowed,
} from '@dutyboard/contracts/orgs';
import { reachesOrg } from '../orgs/scope.ts';
import { type BulkColumn, insertRows } from './bulk.ts';
import { readChoice, readInt } from './cells.ts';
import {
  type ColumnSpec,
  checkSchema,
  type ImportSpec,
  type Item,
  readColumns,
  type SpecContext,
  textCell,
} from './spec.ts';

/** As the pages name them (contracts/labels.ts). */
const ORG_KIND_ZH = zhLabels(ORG_KIND_LABELS);

export interface OrgItem extends Item {
  id: string;
  input: CreateOrgInput;
  parentCode: string | undefined;
  /** Set by finish() for rows to be created. */
  parentId: string | null;
  path: string;
}

const PARENT_HEADER = '上级组织代码';

/**
 * Stands in for the parent's id while rows are checked one by one: the schema's rule (a street
 * committee has no parent, a branch has one) needs to know only whether there is one.
 */
const PARENT_PENDING = '00000000-0000-4000-8000-000000000000';

const ORG_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'code', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'kind', type: '"OrgKind"' },
  { name: 'parentId', type: 'uuid' },
  { name: 'path', type: 'text' },
  { name: 'sortOrder', type: 'int' },
  { name: 'createdAt', type: 'timestamptz' },
  { name: 'updatedAt', type: 'timestamptz' },
];

const columns: ColumnSpec[] = [
  {
    key: 'code',
    header: '组织代码',
    required: true,
    width: 16,
    hint: '唯一，只能包含字母、数字和“-”，如 S-A；已存在的代码跳过不导入',
    example: 'JD-01',
    text: true,
    read: textCell,
  },
  {
    key: 'name',
    header: '组织名称',
    required: true,
    width: 24,
    hint: '不超过 100 字',
    example: '甲村党支部',
    read: textCell,
  },
  {
    key: 'kind',
    header: '组织类型',
    required: true,
    width: 14,
    hint: '从下拉列表中选择',
    example: ORG_KIND_ZH.VILLAGE_BRANCH,
    choices: ORG_KINDS.map((k) => ORG_KIND_ZH[k]),
    read: (raw) => readChoice(raw, ORG_KIND_ZH),
  },
  {
    key: 'parentCode',
    header: PARENT_HEADER,
    required: false,
    width: 16,
    hint: '街道工委不填；支部填上级组织的代码（系统中已有的，或本文件中的任一行）',
    example: 'JD',
    text: true,
    fields: ['parentId'],
    read: textCell,
  },
  {
    key: 'sortOrder',
    header: '排序号',
    required: false,
    width: 10,
    hint: '整数，0 至 100000，越小越靠前；不填为 0',
    example: '1',
    read: readInt,
  },
];

function finish(
  items: OrgItem[],
  ctx: SpecContext,
  badRows: ReadonlyMap<string, number>,
): { items: OrgItem[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const inFile = new Map(items.map((item) => [item.input.code, item]));
  // Rows whose code exists already are skipped; the others get an id, a parent and a path.
  const isNew = (item: OrgItem) => !ctx.lookups.byCode.has(item.input.code);
  const resolved = new Map<OrgItem, string | null>();
  const failed = new Set<OrgItem>();

  const pathOf = (item: OrgItem, trail: OrgItem[]): string | null => {
    const known = resolved.get(item);
    if (known !== undefined) return known;
    if (failed.has(item)) return null;
    const fail = (reason: string) => {
      failed.add(item);
      problems.push({ row: item.row, column: PARENT_HEADER, reason });
      return null;
    };
    let path: string;
    const code = item.parentCode;
    // The parent's kind must take this kind (ORG_KIND_RULES) and a stored parent must be the
    // importer's to manage; no new root, as in the form: it would be nobody's (ADR 035).
    const kindRefused = (parentKind: OrgKind) =>
      parentAllowed(item.input.kind, parentKind)
        ? null
        : zhMessage({ key: 'org.parentKindNotAllowed', params: { kind: item.input.kind, parentKind } });
    if (code === undefined) {
      return fail(zhMessage({ key: 'org.parentRequired' }));
    } else if (code === item.input.code) {
      return fail('上级组织不能是本组织');
    } else {
      const stored = ctx.lookups.byCode.get(code);
      const fileParent = inFile.get(code);
      if (stored) {
        if (!reachesOrg(ctx.user, stored)) return fail(zhMessage({ key: 'org.outOfReach' }));
        const refused = kindRefused(stored.kind);
        if (refused) return fail(refused);
        item.parentId = stored.id;
        path = `${stored.path}${item.id}/`;
      } else if (fileParent) {
        const refused = kindRefused(fileParent.input.kind);
        if (refused) return fail(refused);
        if (trail.includes(fileParent)) {
          const rows = [...trail.slice(trail.indexOf(fileParent)), item].map((i) => `第${i.row}行`).join('、');
          return fail(`上级组织形成循环（${rows}）`);
        }
        const parentPath = pathOf(fileParent, [...trail, item]);
        if (parentPath === null) return fail(`上级组织“${code}”（第${fileParent.row}行）有误，请先改正该行`);
        item.parentId = fileParent.id;
        path = `${parentPath}${item.id}/`;
      } else {
        const badRow = badRows.get(code);
        return fail(
          badRow
            ? `上级组织“${code}”（第${badRow}行）有误，请先改正该行`
            : `上级组织代码“${code}”不存在：既不在系统中，也不在本文件中`,
        );
      }
    }
    item.path = path;
    resolved.set(item, path);
    return path;
  };

  const created = items.filter(isNew);
  for (const item of created) pathOf(item, []);
  // Parents before children: a path has one more segment per level.
  const depth = (item: OrgItem) => item.path.split('/').length;
  const ordered = [
    ...items.filter((item) => !isNew(item)),
    ...created.filter((item) => !failed.has(item)).sort((a, b) => depth(a) - depth(b) || a.row - b.row),
  ];
  return { items: ordered, problems };
}

export const orgsSpec: ImportSpec<OrgItem> = {
  kind: 'orgs',
  entityType: 'OrgUnit',
  columns,
  ignoredHeaders: [],
  keyLabel: '组织代码',
  parse(cells, row, ctx) {
    const { values, problems, failed } = readColumns(columns, cells, row, ctx);
    const { parentCode, ...rest } = values as { parentCode?: string } & Record<string, unknown>;
    const input = { ...rest, parentId: parentCode === undefined ? null : PARENT_PENDING };
    const checked = checkSchema(CreateOrgInputSchema, input, row, columns, failed);
    problems.push(...checked.problems);
    if (!checked.data || problems.length > 0) {
      return { problems, badKey: typeof rest.code === 'string' ? rest.code : undefined };
    }
    const data = checked.data;
    return {
      item: { row, key: data.code, id: crypto.randomUUID(), input: data, parentCode, parentId: null, path: '' },
      problems,
    };
  },
  finish,
  async existing(_db, items, ctx) {
    return new Set(items.filter((item) => ctx.lookups.byCode.has(item.input.code)).map((item) => item.key));
  },
  async insert(tx, items, { now }) {
    const stored = await insertRows<{ id: string }>(
      tx,
      'OrgUnit',
      ORG_COLUMNS,
      items.map((item) => [
        item.id,
        item.input.code,
        item.input.name,
        item.input.kind,
        item.parentId,
        item.path,
        item.input.sortOrder ?? 0,
        now,
        now,
      ]),
      '*',
    );
    return stored.map((row) => ({ entityId: row.id, orgId: row.id, after: row }));
  },
};
