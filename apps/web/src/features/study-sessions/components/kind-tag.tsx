import { STUDY_KIND_LABELS } from '@dutyboard/contracts/labels';
import type { StudyKind } from '@dutyboard/contracts/study-sessions';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

const COLOR: Record<StudyKind, string> = {
  CENTRAL_GROUP: 'red',
  SEMINAR: 'gold',
  BRANCH_STUDY: 'blue',
  CADRE_TRAINING: 'green',
};

export function StudyKindTag({ kind }: { kind: StudyKind }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={COLOR[kind]} style={{ marginInlineEnd: 0 }}>
      {nameOf(STUDY_KIND_LABELS, kind)}
    </Tag>
  );
}
