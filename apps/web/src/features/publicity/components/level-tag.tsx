import { PUBLICITY_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import type { PublicityLevel } from '@dutyboard/contracts/publicity';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

const COLOR: Record<PublicityLevel, string> = {
  CENTRAL: 'red',
  PROVINCE: 'volcano',
  CITY: 'gold',
  DISTRICT: 'blue',
  STREET_MEDIA: 'default',
};

export function PublicityLevelTag({ level }: { level: PublicityLevel }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={COLOR[level]} style={{ marginInlineEnd: 0 }}>
      {nameOf(PUBLICITY_LEVEL_LABELS, level)}
    </Tag>
  );
}
