import type { ActivityCategory } from '@dutyboard/contracts/activities';
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
  const { t } = useI18n();
  return (
    <Tag color={COLOR[category]} style={{ marginInlineEnd: 0 }}>
      {t(`category.${category}`)}
    </Tag>
  );
}
