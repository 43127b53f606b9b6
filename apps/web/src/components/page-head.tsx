// A page's head: its title (the h1), a line saying what the page is for, and its controls on the
// right (period and org, the main button), wrapping under the title on a narrow screen.
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHead({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  return (
    <div className="db-page-head">
      <div>
        <h1>{title}</h1>
        {intro && <Typography.Text type="secondary">{intro}</Typography.Text>}
      </div>
      {children}
    </div>
  );
}
