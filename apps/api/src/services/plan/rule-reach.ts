// What every rule that reaches down the tree shares (ADR 038): frequency rules ("中心组学习 每月1次")
// and duty rules (ADR 045) are set on an org for itself, for each of its children, or for every
// org of a level below it; the nearest rule decides. Checked, listed and audited the same way.
import { type OrgKind, type OrgLevel, orgLevelOf } from '@dutyboard/contracts/orgs';
import { ancestorIdsNearestFirst, ruleLevelsBelow, ruleReachAllowed } from '@dutyboard/contracts/plan';
import { AppError, fieldIssue, validationError } from '../../errors/app-error.ts';

/** A level reach goes with eachChild and names a level below the org's own (ruleReachAllowed). */
export function checkRuleReach(orgLevel: OrgLevel, eachChild: boolean, level: OrgLevel | null): void {
  if (level !== null && !eachChild) {
    const said = { key: 'plan.ruleLevelNeedsEachChild' } as const;
    throw validationError([fieldIssue('level', 'needs_each_child', said)], said);
  }
  if (!ruleReachAllowed(orgLevel, { eachChild, level })) {
    const said = { key: 'plan.ruleLevelNotBelow', params: { level: level ?? orgLevel, orgLevel } } as const;
    throw validationError([fieldIssue('level', 'not_below', said)], said);
  }
}

/** 409 for a second rule with the same subject, org and reach, on the subject's field. */
export function ruleTaken(field: string, key: 'plan.ruleTaken' | 'duty.ruleTaken'): AppError {
  return new AppError('CONFLICT', { key }, { fields: [fieldIssue(field, 'taken', { key })] });
}

/** A rule row as the audit trail keeps it: its own columns, without the joined org. */
export function auditRuleRow<T extends { org: unknown }>(row: T): Omit<T, 'org'> {
  const { org: _org, ...rest } = row;
  return rest;
}

/**
 * Where a list of rules for an org looks: the rules set on the org and below it, plus those of its
 * ancestors that reach it or an org below it — the parent's each-child rules, and every ancestor's
 * by-level rules for the org's level or a level below. One query whatever the depth.
 */
export function rulesReachingWhere(org: { path: string; parentId: string | null; kind: OrgKind }) {
  const level = orgLevelOf(org.kind);
  const ancestors = ancestorIdsNearestFirst(org.path);
  return {
    OR: [
      { org: { path: { startsWith: org.path } } },
      ...(org.parentId ? [{ orgId: org.parentId, eachChild: true, level: null }] : []),
      ...(ancestors.length > 0
        ? [{ orgId: { in: ancestors }, level: { in: [level, ...ruleLevelsBelow(level)] } }]
        : []),
    ],
  };
}
