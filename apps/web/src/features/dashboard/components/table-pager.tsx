// The pages of a dashboard table the API pages (the branch and owner tables of a city): shown only
// when there is more than one. Its own chunk, loaded with the tables, so antd's Pagination stays
// out of the page's first code.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { Pagination } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

export function TablePager({
  page,
  label,
  testId,
  onChange,
}: {
  page: Dashboard['branchPage'];
  label: string;
  testId: string;
  onChange: (page: number) => void;
}) {
  const { t } = useI18n();
  if (page.total <= page.size) return null;
  return (
    <nav
      aria-label={label}
      data-testid={testId}
      style={{ padding: '8px 12px', display: 'flex', justifyContent: 'flex-end' }}
    >
      <Pagination
        size="small"
        simple={false}
        showSizeChanger={false}
        current={page.page}
        pageSize={page.size}
        total={page.total}
        showTotal={(total, [from, to]) => t('dashboard.pageRange', { from, to, total })}
        onChange={onChange}
      />
    </nav>
  );
}
