import type { ActivityCategory } from '@dutyboard/contracts/activities';
import { ACTIVITY_CATEGORY_LABELS } from '@dutyboard/contracts/labels';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

const COLOR: Record<ActivityCategory, string> = {
  THEME_PARTY_DAY: 'red',
  RED_SONGS: 'volcano',
  OATH_REVIEW: 'magenta',
  PARTY_LECTURE: 'gold',
  PREACHING: 'blue',
  VOLUNTEER: 'green',
  OTHER: 'default',
};

export function CategoryTag({ category }: { category: ActivityCategory }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={COLOR[category]} style={{ marginInlineEnd: 0 }}>
      {nameOf(ACTIVITY_CATEGORY_LABELS, category)}
    </Tag>
  );
}
