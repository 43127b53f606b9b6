// Every user with what an admin changes: edit, reset password, deactivate/activate. The admin's
// own row offers no deactivation (the server refuses it). Phones get one summary column and the
// actions, so nothing has to be scrolled sideways; wider screens scroll inside the table if needed.

import { ROLE_LABELS } from '@dutyboard/contracts/labels';
import { ROLES, type Role } from '@dutyboard/contracts/permissions';
import type { User } from '@dutyboard/contracts/users';
import { Button, type ButtonProps, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes, Key, ReactNode } from 'react';
import { RecordTable } from '../../../components/record-table.tsx';
import type { Lang, Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { enumLabel } from '../../../lib/labels.ts';

interface UsersTableProps {
  rows: User[];
  meId: string;
  empty: ReactNode;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  /** Resolves when the change is saved (the confirm button spins until then). */
  onSetActive: (user: User, active: boolean) => Promise<unknown>;
}

export function StatusTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={active ? 'success' : 'default'} data-testid="user-status" data-active={active}>
      {active ? t('users.active') : t('users.inactive')}
    </Tag>
  );
}

function Actions({ user, isSelf, props }: { user: User; isSelf: boolean; props: UsersTableProps }) {
  const { t } = useI18n();
  const link: ButtonProps = { type: 'link', size: 'small', style: { paddingInline: 4 } };
  const confirmButton = (testId: string) =>
    ({ danger: user.active, size: 'middle', 'data-testid': testId }) as ButtonProps;
  return (
    <Space size={0} wrap>
      <Button {...link} data-testid="user-edit" onClick={() => props.onEdit(user)}>
        {t('users.edit')}
      </Button>
      <Button {...link} data-testid="user-reset-password" onClick={() => props.onResetPassword(user)}>
        {t('users.resetPassword')}
      </Button>
      {!isSelf &&
        (user.active ? (
          <Popconfirm
            title={t('users.deactivateConfirm')}
            okText={t('users.deactivate')}
            cancelText={t('common.cancel')}
            cancelButtonProps={{ size: 'middle' }}
            okButtonProps={confirmButton('user-deactivate-confirm')}
            onConfirm={() => props.onSetActive(user, false)}
            styles={{ root: { maxWidth: 320 } }}
          >
            <Button {...link} danger data-testid="user-deactivate">
              {t('users.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title={t('users.activateConfirm')}
            okText={t('users.activate')}
            cancelText={t('common.cancel')}
            cancelButtonProps={{ size: 'middle' }}
            okButtonProps={confirmButton('user-activate-confirm')}
            onConfirm={() => props.onSetActive(user, true)}
            styles={{ root: { maxWidth: 320 } }}
          >
            <Button {...link} data-testid="user-activate">
              {t('users.activate')}
            </Button>
          </Popconfirm>
        ))}
    </Space>
  );
}

const byText = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

function roleFilter(lang: Lang) {
  return {
    filters: ROLES.map((role) => ({ text: enumLabel(ROLE_LABELS, role, lang), value: role })),
    onFilter: (value: boolean | Key, row: User) => row.role === value,
  };
}

function statusFilter(t: Translate) {
  return {
    filters: [
      { text: t('users.active'), value: true },
      { text: t('users.inactive'), value: false },
    ],
    onFilter: (value: boolean | Key, row: User) => row.active === value,
  };
}

function usernameCell(user: User, isSelf: boolean, t: Translate) {
  return (
    <Space size={4} wrap>
      <span data-testid="user-username">{user.username}</span>
      {isSelf && <Tag color="blue">{t('users.you')}</Tag>}
    </Space>
  );
}

function fullColumns(t: Translate, lang: Lang, props: UsersTableProps): TableColumnsType<User> {
  return [
    {
      key: 'username',
      title: t('users.colUsername'),
      dataIndex: 'username',
      width: 170,
      sorter: (a, b) => byText(a.username, b.username),
      render: (_: string, row) => usernameCell(row, row.id === props.meId, t),
    },
    {
      key: 'displayName',
      title: t('users.colDisplayName'),
      dataIndex: 'displayName',
      sorter: (a, b) => byText(a.displayName, b.displayName),
    },
    {
      key: 'role',
      title: t('users.colRole'),
      dataIndex: 'role',
      width: 130,
      ...roleFilter(lang),
      render: (role: Role) => enumLabel(ROLE_LABELS, role, lang),
    },
    {
      key: 'orgName',
      title: t('users.colOrg'),
      dataIndex: 'orgName',
      sorter: (a, b) => byText(a.orgName, b.orgName),
    },
    {
      key: 'status',
      title: t('users.colStatus'),
      dataIndex: 'active',
      width: 100,
      ...statusFilter(t),
      render: (active: boolean) => <StatusTag active={active} />,
    },
    {
      key: 'actions',
      title: t('users.colActions'),
      // Three links on one line: English words are longer.
      width: lang === 'en' ? 290 : 200,
      render: (_: unknown, row) => <Actions user={row} isSelf={row.id === props.meId} props={props} />,
    },
  ];
}

function compactColumns(t: Translate, lang: Lang, props: UsersTableProps): TableColumnsType<User> {
  return [
    {
      key: 'summary',
      title: t('users.colUsername'),
      ...statusFilter(t),
      render: (_: unknown, row) => (
        <div>
          <div style={{ fontWeight: 500 }}>{row.displayName}</div>
          {usernameCell(row, row.id === props.meId, t)}
          <div className="db-row-meta">
            <StatusTag active={row.active} />
            <span>{enumLabel(ROLE_LABELS, row.role, lang)}</span>
            <span>{row.orgName}</span>
          </div>
        </div>
      ),
    },
    {
      key: 'actions',
      title: t('users.colActions'),
      width: 112,
      render: (_: unknown, row) => <Actions user={row} isSelf={row.id === props.meId} props={props} />,
    },
  ];
}

export function UsersTable(props: UsersTableProps) {
  const { t, lang } = useI18n();
  return (
    <RecordTable<User>
      testId="users-table"
      breakpoint="md"
      rows={props.rows}
      empty={props.empty}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scrollX={lang === 'en' ? 980 : 900}
      onRow={(row) => ({ 'data-testid': 'user-row', 'data-username': row.username }) as HTMLAttributes<HTMLElement>}
      columns={(phone) => (phone ? compactColumns(t, lang, props) : fullColumns(t, lang, props))}
    />
  );
}
