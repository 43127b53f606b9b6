import { PACE_STATUS_LABELS } from '@dutyboard/contracts/labels';
import type { PaceStatus } from '@dutyboard/contracts/periods';
import { Tag } from 'antd';
import { COLORS } from '../lib/colors.ts';
import { useI18n } from '../lib/i18n-provider.tsx';

const COLOR: Record<PaceStatus, string> = { GREEN: 'success', AMBER: 'warning', RED: 'error' };

export function PaceTag({ status }: { status: PaceStatus }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid="pace-status" data-status={status}>
      {nameOf(PACE_STATUS_LABELS, status)}
    </Tag>
  );
}

/** Bar colour for a progress figure: by pace when known, else done-vs-target. */
export function progressColor(status: PaceStatus | null, done: number, target: number | null): string | undefined {
  if (status === 'RED') return COLORS.error;
  if (status === 'AMBER') return COLORS.warning;
  if (status === 'GREEN' || (target !== null && done >= target)) return COLORS.success;
  return undefined;
}

export function percentOf(done: number, target: number | null): number {
  if (!target) return 0;
  return Math.round((done / target) * 100);
}
