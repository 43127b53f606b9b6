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
  simple = false,
  onChange,
}: {
  page: Dashboard['branchPage'];
  label: string;
  testId: string;
  /** "‹ 2 / 13 ›" only: for a narrow column (the owner card beside the alerts). */
  simple?: boolean;
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
        simple={simple}
        showSizeChanger={false}
        current={page.page}
        pageSize={page.size}
        total={page.total}
        // One line on a phone too: the range wraps as a whole, not inside its words.
        showTotal={(total, [from, to]) => (
          <span style={{ whiteSpace: 'nowrap' }}>{t('dashboard.pageRange', { from, to, total })}</span>
        )}
        onChange={onChange}
      />
    </nav>
  );
}
