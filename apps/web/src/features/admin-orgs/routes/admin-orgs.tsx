// /admin/orgs (ADMIN): the admin's subtree (区, 街道, branches) as a tree, with create, edit and move.
import { PlusOutlined } from '@ant-design/icons';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { Button, Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { OrgCreateModal } from '../components/org-create-modal.tsx';
import { OrgEditModal } from '../components/org-edit-modal.tsx';
import { OrgTable } from '../components/org-table.tsx';
import { orgTree, parentIds } from '../components/org-tree.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; org: OrgUnit };

export function AdminOrgsRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const allowed = can(me, 'org:manage');
  const orgs = useOrgs({ enabled: allowed });
  const { dialog, openDialog, dialogProps } = useDialogState<Dialog>();
  const items = orgs.data?.items;
  const tree = useMemo(() => (items ? { rows: orgTree(items), parents: parentIds(items) } : null), [items]);

  if (!allowed) return <ForbiddenPage />;

  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('orgs.title')}</h1>
          {items && (
            <Typography.Text type="secondary" data-testid="orgs-count">
              {t('orgs.count', { count: items.length })}
            </Typography.Text>
          )}
        </div>
        {items && (
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined />}
            data-testid="org-new"
            onClick={() => openDialog({ kind: 'create' })}
          >
            {t('orgs.new')}
          </Button>
        )}
      </div>
      {orgs.isPending ? (
        <PageLoading rows={8} />
      ) : orgs.isError || !items || !tree ? (
        <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <>
          <Card styles={{ body: { padding: 0 } }}>
            <OrgTable
              rows={tree.rows}
              parentIds={tree.parents}
              empty={
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.empty')} data-testid="orgs-empty" />
              }
              onEdit={(org) => openDialog({ kind: 'edit', org })}
            />
          </Card>
          {dialog?.kind === 'create' && <OrgCreateModal {...dialogProps(dialog)} orgs={items} />}
          {dialog?.kind === 'edit' && <OrgEditModal {...dialogProps(dialog)} org={dialog.org} orgs={items} />}
        </>
      )}
    </div>
  );
}
