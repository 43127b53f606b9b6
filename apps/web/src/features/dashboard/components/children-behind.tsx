// Above an overseer's ranking (a 区's streets, ADR 039): which children have figures behind pace,
// the most behind first, each a link to its own dashboard — what needs attention across them.
import type { BranchRow } from '@dutyboard/contracts/dashboard';
import { Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { childrenBehind } from '../../../lib/dashboard.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';

export function ChildrenBehind({
  rows,
  unit,
  hrefOf,
}: {
  rows: readonly BranchRow[];
  unit: string;
  hrefOf: (orgId: string) => string;
}) {
  const { t } = useI18n();
  const behind = childrenBehind(rows);
  return (
    <Typography.Paragraph data-testid="children-behind" style={{ marginBottom: 8 }}>
      {behind.length === 0 ? (
        t('dashboard.branches.noneBehind', { unit })
      ) : (
        <>
          {t('dashboard.branches.behind')}
          {behind.map(({ row, behind: count }, j) => (
            <Fragment key={row.orgId}>
              {j > 0 && t('dashboard.branches.listSeparator')}
              <Link to={hrefOf(row.orgId)} data-testid="children-behind-link" data-org={row.orgId}>
                {t('dashboard.branches.behindOne', { name: row.name, count })}
              </Link>
            </Fragment>
          ))}
        </>
      )}
    </Typography.Paragraph>
  );
}
