// Study topics and the two groups of 专题研讨 the summary counts apart, in a module of their own so
// the figure registry (figures.ts) can read them and study-sessions.ts can read the registry.
export const STUDY_TOPICS = ['IDEOLOGY_WORK', 'ONLINE_IDEOLOGY', 'THEORY', 'PARTY_HISTORY', 'POLICY', 'OTHER'] as const;

/**
 * The two kinds of 专题研讨 the summary counts apart (docs/domain.md: "the 5 and the 1 are both
 * seminars: a topic field tells them apart"): IDEOLOGY — 意识形态工作专题研讨会 (incl. online
 * ideology); STUDY — 中心组专题学习研讨 on every other topic.
 */
export const STUDY_TOPIC_GROUPS = {
  IDEOLOGY: ['IDEOLOGY_WORK', 'ONLINE_IDEOLOGY'],
  STUDY: ['THEORY', 'PARTY_HISTORY', 'POLICY', 'OTHER'],
} as const satisfies Record<string, readonly (typeof STUDY_TOPICS)[number][]>;
export type StudyTopicGroup = keyof typeof STUDY_TOPIC_GROUPS;
