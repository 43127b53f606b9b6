// What the orgs of a level are called where pages rank them (ADR 039): one ("街道（乡镇）") and
// all ("各街道（乡镇）"), from the contracts' label tables. Small on purpose: the nav reads it.
import { ORG_LEVEL_GROUP_LABELS, ORG_LEVEL_UNIT_LABELS } from '@dutyboard/contracts/labels';
import { type OrgKind, type OrgLevel, orgLevelOf, rankedLevelOf } from '@dutyboard/contracts/orgs';
import type { Lang } from './i18n.ts';
import { enumLabel } from './labels.ts';

/** How the children of a level are named: one (`unit`, "街道（乡镇）") and all ("各街道（乡镇）"). */
export function levelWords(level: OrgLevel, lang: Lang): { unit: string; group: string } {
  return { unit: enumLabel(ORG_LEVEL_UNIT_LABELS, level, lang), group: enumLabel(ORG_LEVEL_GROUP_LABELS, level, lang) };
}

/** The words for what a home org of this kind ranks (its streets for a 区), before any answer. */
export const rankedWordsOf = (kind: OrgKind, lang: Lang) => levelWords(rankedLevelOf(orgLevelOf(kind)), lang);
