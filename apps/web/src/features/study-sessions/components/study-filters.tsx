// The study sessions list's filters (the shared bar, see record-filters.tsx): kind, topic group
// (the dashboard's two kinds of 专题研讨 drill here with it), topic and dates.

import { STUDY_KIND_LABELS, STUDY_TOPIC_GROUP_LABELS, STUDY_TOPIC_LABELS } from '@dutyboard/contracts/labels';
import {
  STUDY_KINDS,
  STUDY_SESSION_SORTS,
  STUDY_TOPICS,
  StudyFigureSchema,
  type StudySessionSort,
  StudyTopicGroupSchema,
} from '@dutyboard/contracts/study-sessions';
import { filterOptions, type ListFiltersProps, RecordFilters } from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { figureLabel } from '../../../lib/labels.ts';
import type { StudySessionListFilter } from '../../../lib/query-keys.ts';

export function StudyFilters(props: ListFiltersProps<StudySessionListFilter>) {
  const { t, nameOf, lang } = useI18n();
  return (
    <RecordFilters
      {...props}
      testId="study-filters"
      selects={[
        {
          param: 'kind',
          testId: 'filter-kind',
          label: t('studySessions.filterKind'),
          placeholder: t('studySessions.allKinds'),
          options: filterOptions(STUDY_KINDS, (k) => nameOf(STUDY_KIND_LABELS, k)),
        },
        {
          param: 'topicGroup',
          testId: 'filter-topic-group',
          label: t('studySessions.filterTopicGroup'),
          placeholder: t('studySessions.allTopicGroups'),
          options: filterOptions(StudyTopicGroupSchema.options, (g) => nameOf(STUDY_TOPIC_GROUP_LABELS, g)),
        },
        {
          // A dashboard figure's records (中心组理论学习 is more than one kind: figures.ts).
          param: 'figure',
          testId: 'filter-figure',
          label: t('studySessions.filterFigure'),
          placeholder: t('studySessions.allFigures'),
          options: filterOptions(StudyFigureSchema.options, (f) => figureLabel(f, lang)),
        },
        {
          param: 'topicCategory',
          testId: 'filter-topic',
          label: t('studySessions.filterTopic'),
          placeholder: t('studySessions.allTopics'),
          options: filterOptions(STUDY_TOPICS, (c) => nameOf(STUDY_TOPIC_LABELS, c)),
        },
      ]}
      dates={{
        label: t('studySessions.filterDates'),
        start: t('studySessions.startDate'),
        end: t('studySessions.endDate'),
      }}
      sort={{
        label: t('studySessions.filterSort'),
        defaultValue: '-occurredAt' satisfies StudySessionSort,
        options: filterOptions(STUDY_SESSION_SORTS, (s) => t(`studySessions.sort.${s}`)),
      }}
      clearText={t('studySessions.clearFilters')}
    />
  );
}
