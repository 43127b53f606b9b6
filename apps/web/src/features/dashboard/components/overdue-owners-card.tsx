// The period's overdue responsibility-list items per owner, most first; each owner a link to theirs.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { BarList } from './bar-list.tsx';

export function OverdueOwnersCard({ owners, pager }: { owners: Dashboard['overdueByOwner']; pager?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card title={t('dashboard.overdue.title')} size="small" style={{ height: '100%' }} data-testid="overdue-owners">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('dashboard.overdue.hint')}
      </Typography.Paragraph>
      {owners.length === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.overdue.empty')}</Typography.Text>
      ) : (
        <BarList
          testId="overdue-owner"
          ariaLabel={t('dashboard.overdue.title')}
          items={owners.map((o) => ({
            key: o.ownerId,
            label: o.ownerName,
            count: o.count,
            href: drillHref(o.drill),
          }))}
        />
      )}
      {pager}
    </Card>
  );
}
