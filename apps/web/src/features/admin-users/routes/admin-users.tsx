// /admin/users (ADMIN): every account, with create, edit, password reset and deactivation.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { User } from '@dutyboard/contracts/users';
import { App, Button, Card, Empty, Input, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useUsers } from '../api/get-users.ts';
import { useUpdateUser } from '../api/save-user.ts';
import { UserCreateModal } from '../components/user-create-modal.tsx';
import { UserEditModal } from '../components/user-edit-modal.tsx';
import { UserPasswordModal } from '../components/user-password-modal.tsx';
import { UsersTable } from '../components/users-table.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

function matches(user: User, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [user.username, user.displayName, user.orgName].some((text) => text.toLowerCase().includes(needle));
}

export function AdminUsersRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const allowed = can(me, 'user:manage');
  const users = useUsers({ enabled: allowed });
  // The org choices of the dialogs; loaded with the page so a dialog never opens half-ready.
  const orgs = useOrgs({ enabled: allowed });
  const update = useUpdateUser();
  const [search, setSearch] = useState('');
  const { dialog, openDialog, dialogProps } = useDialogState<Dialog>();

  if (!allowed) return <ForbiddenPage />;

  const setActive = (user: User, active: boolean) =>
    update.mutateAsync({ id: user.id, input: { active } }).then(
      () => {
        void message.success(t(active ? 'users.activated' : 'users.deactivated', { name: user.displayName }));
      },
      (error: unknown) => {
        void message.error(errorText(error, lang, t));
      },
    );

  const newButton = (
    <Button
      type="primary"
      size="large"
      icon={<PlusOutlined />}
      data-testid="user-new"
      onClick={() => openDialog({ kind: 'create' })}
    >
      {t('users.new')}
    </Button>
  );

  const loaded = users.data && orgs.data;
  const all = users.data?.items ?? [];
  const rows = all.filter((user) => matches(user, search));
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="users-empty"
      description={all.length === 0 ? t('users.empty') : t('users.emptyFiltered')}
    />
  );

  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('users.title')}</h1>
          {users.data && (
            <Typography.Text type="secondary" data-testid="users-count">
              {t('users.count', { count: all.length })}
            </Typography.Text>
          )}
        </div>
        {loaded && newButton}
      </div>
      {users.isError || orgs.isError ? (
        <ErrorState
          error={users.error ?? orgs.error}
          onRetry={() => {
            if (users.isError) void users.refetch();
            if (orgs.isError) void orgs.refetch();
          }}
        />
      ) : !loaded ? (
        <PageLoading rows={8} />
      ) : (
        <>
          <div className="db-filters">
            <Input
              allowClear
              prefix={<SearchOutlined />}
              type="search"
              aria-label={t('users.search')}
              placeholder={t('users.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              data-testid="user-search"
              className="db-w-260"
            />
          </div>
          <Card styles={{ body: { padding: 0 } }}>
            <UsersTable
              rows={rows}
              meId={me.id}
              empty={empty}
              onEdit={(user) => openDialog({ kind: 'edit', user })}
              onResetPassword={(user) => openDialog({ kind: 'password', user })}
              onSetActive={setActive}
            />
          </Card>
          {dialog?.kind === 'create' && <UserCreateModal {...dialogProps(dialog)} orgs={orgs.data.items} />}
          {dialog?.kind === 'edit' && (
            <UserEditModal
              {...dialogProps(dialog)}
              user={dialog.user}
              isSelf={dialog.user.id === me.id}
              orgs={orgs.data.items}
            />
          )}
          {dialog?.kind === 'password' && (
            <UserPasswordModal {...dialogProps(dialog)} user={dialog.user} isSelf={dialog.user.id === me.id} />
          )}
        </>
      )}
    </div>
  );
}
