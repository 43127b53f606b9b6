// An approval chain as the rule editor holds it, and back: each step approved by a role at the
// org of a level on the event's path, or by a named user (ChainStepSchema: one or the other).
import type { ChainStep, EventRule } from '@dutyboard/contracts/event-approvals';
import type { OrgLevel } from '@dutyboard/contracts/orgs';
import type { Role } from '@dutyboard/contracts/permissions';

export interface StepValues {
  label: string;
  by: 'ROLE' | 'USER';
  role?: Role;
  level?: OrgLevel;
  userId?: string;
}

export const stepValues = (step: EventRule['steps'][number]): StepValues =>
  step.userId
    ? { label: step.label, by: 'USER', userId: step.userId }
    : { label: step.label, by: 'ROLE', role: step.role, level: step.level };

/** The body's step: only the fields of the way chosen, so the schema judges what the user meant. */
export const chainStep = (v: StepValues): Partial<ChainStep> =>
  v.by === 'USER' ? { label: v.label ?? '', userId: v.userId } : { label: v.label ?? '', role: v.role, level: v.level };

/** Moves the step at `from` one place up (-1) or down (+1); the ends stay. */
export function moveStep<T>(steps: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}
