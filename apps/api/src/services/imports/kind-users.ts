// 用户账号 import: each row checked with CreateUserInputSchema. The file carries no passwords (a
// spreadsheet of passwords is the thing not to have): every imported account gets an unknown
// random password, so nobody can sign in with it until an admin sets one in 用户管理 (重置密码).
// Natural key: the username (unique).
import { randomBytes } from 'node:crypto';
import { ROLE_LABELS, zhLabels } from '@dutyboard/contracts/labels';
import { ROLES } from '@dutyboard/contracts/permissions';
import { type CreateUserInput, CreateUserInputSchema } from '@dutyboard/contracts/users';
import { hashPassword } from '../auth/passwords.ts';
import { type BulkColumn, insertRows } from './bulk.ts';
import { readChoice } from './cells.ts';
import { type ColumnSpec, checkSchema, type ImportSpec, type Item, readColumns, readOrg, textCell } from './spec.ts';

/** As the pages name them (contracts/labels.ts). */
const ROLE_ZH = zhLabels(ROLE_LABELS);

export interface UserItem extends Item {
  id: string;
  input: CreateUserInput;
}

/**
 * Fills the schema's required password while the row is checked; never stored. It holds
 * characters no username may have, so the "password equals username" rule cannot fire on it.
 */
const PASSWORD_NOT_IMPORTED = '导入账号不带密码-placeholder';

const USER_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'username', type: 'text' },
  { name: 'displayName', type: 'text' },
  { name: 'role', type: '"Role"' },
  { name: 'orgId', type: 'uuid' },
  { name: 'passwordHash', type: 'text' },
  { name: 'createdAt', type: 'timestamptz' },
  { name: 'updatedAt', type: 'timestamptz' },
];

/** Every column but the password hash: what the audit trail keeps of a user (as createUser). */
const USER_RETURNING = '"id", "username", "displayName", "role", "orgId", "active", "createdAt", "updatedAt"';

const columns: ColumnSpec[] = [
  {
    key: 'username',
    header: '用户名',
    required: true,
    width: 16,
    hint: '登录用，3 至 64 个字母、数字或 . _ -，唯一；已存在的用户名跳过不导入',
    example: 'zhangsan',
    text: true,
    read: textCell,
  },
  {
    key: 'displayName',
    header: '姓名',
    required: true,
    width: 12,
    hint: '不超过 64 字',
    example: '张三',
    read: textCell,
  },
  {
    key: 'role',
    header: '角色',
    required: true,
    width: 14,
    hint: '从下拉列表中选择',
    example: ROLE_ZH.SECRETARY,
    choices: ROLES.map((r) => ROLE_ZH[r]),
    read: (raw) => readChoice(raw, ROLE_ZH),
  },
  {
    key: 'orgId',
    header: '所属组织',
    required: true,
    width: 20,
    hint: '组织代码或组织全称',
    example: '甲村党支部',
    // An admin puts accounts only inside its subtree (ADR 035), as the form does.
    read: (raw, ctx) => readOrg(raw, ctx, { writable: true }),
  },
];

export const usersSpec: ImportSpec<UserItem> = {
  kind: 'users',
  entityType: 'User',
  columns,
  ignoredHeaders: [],
  keyLabel: '用户名',
  parse(cells, row, ctx) {
    const { values, problems, failed } = readColumns(columns, cells, row, ctx);
    const checked = checkSchema(
      CreateUserInputSchema,
      { ...values, password: PASSWORD_NOT_IMPORTED },
      row,
      columns,
      failed,
    );
    problems.push(...checked.problems);
    if (!checked.data || problems.length > 0) {
      return { problems, badKey: typeof values.username === 'string' ? values.username : undefined };
    }
    return { item: { row, key: checked.data.username, id: crypto.randomUUID(), input: checked.data }, problems };
  },
  async existing(db, items) {
    const rows = await db.user.findMany({
      where: { username: { in: items.map((item) => item.input.username) } },
      select: { username: true },
    });
    return new Set(rows.map((row) => row.username));
  },
  async insert(tx, items, { now }) {
    // One argon2id hash per chunk of a random secret that is thrown away: as unusable as one per
    // account, without spending a second of hashing on every 40 accounts.
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const stored = await insertRows<{ id: string; orgId: string }>(
      tx,
      'User',
      USER_COLUMNS,
      items.map(({ id, input }) => [
        id,
        input.username,
        input.displayName,
        input.role,
        input.orgId,
        passwordHash,
        now,
        now,
      ]),
      USER_RETURNING,
    );
    return stored.map((row) => ({ entityId: row.id, orgId: row.orgId, after: row }));
  },
};
