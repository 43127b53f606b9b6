import { Card, Skeleton } from 'antd';

/** Placeholder while a page's code or first data loads. */
export function PageLoading({ rows = 4 }: { rows?: number }) {
  return (
    <Card variant="borderless" aria-busy="true">
      <Skeleton active paragraph={{ rows }} />
    </Card>
  );
}
