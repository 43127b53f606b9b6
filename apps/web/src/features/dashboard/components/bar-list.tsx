// A ranked list drawn as bars, each row one link to the records it counts: plain links rather
// than a chart, so every figure is reachable by keyboard and readable on a phone.
import { Link } from 'react-router';
import { COLORS } from '../../../lib/colors.ts';

export interface BarItem {
  key: string;
  label: string;
  count: number;
  href: string | null;
  color?: string;
}

export function BarList({ items, testId, ariaLabel }: { items: BarItem[]; testId: string; ariaLabel: string }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <ul className="db-bar-list" aria-label={ariaLabel}>
      {items.map((item) => {
        const inner = (
          <>
            <span className="db-bar-label" title={item.label}>
              {item.label}
            </span>
            <span className="db-bar-track" aria-hidden="true">
              <span
                className="db-bar-fill"
                style={{
                  display: 'block',
                  width: `${(item.count / max) * 100}%`,
                  background: item.color ?? COLORS.error,
                }}
              />
            </span>
            <span className="db-bar-count">{item.count}</span>
          </>
        );
        return (
          <li key={item.key}>
            {item.href ? (
              <Link to={item.href} className="db-bar-row" data-testid={testId} data-key={item.key}>
                {inner}
              </Link>
            ) : (
              <span className="db-bar-row" data-testid={testId} data-key={item.key}>
                {inner}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
