// The calendar of duties (GET /api/duties/calendar, ADR 045): every duty occurrence of an org
// (and of its direct children) in a year, computed from the duty table (contracts/duties.ts), the
// duty rules that reach each org, and the records of each duty's figure — the org's OWN records
// (never its subtree's), counted from the window's start to the end of the due day and to the
// window's end, for every line in one statement (exact-counts.ts). Nothing of it is stored.
import {
  ACTIVE_DUTY_KINDS,
  type ActiveDutyKind,
  type DraftState,
  DUTIES,
  DUTY_KINDS,
  type DutyCalendar,
  type DutyCalendarQuerySchema,
  type DutyDef,
  type DutyLine,
  dueDayEnd,
  dutyFigure,
  dutyState,
  dutySummaries,
  owedDuties,
  windowLastDay,
} from '@dutyboard/contracts/duties';
import { FIGURE_SOURCES, FIGURES, type RolledFigure } from '@dutyboard/contracts/figures';
import { figureDrill } from '@dutyboard/contracts/metrics';
import { type OrgKind, type OrgLevel, orgLevelOf } from '@dutyboard/contracts/orgs';
import { type PeriodRef, periodContaining, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { ReportKindSchema } from '@dutyboard/contracts/report-kinds';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg } from '../orgs/scope.ts';
import { reportDraftStates } from '../reports/report-submissions.ts';
import { countFiguresBetween } from '../rollups/exact-counts.ts';
import { dutyRulesOnPaths } from './rules.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The DRAFT state of a duty whose record is a document: a duty fulfilled by a report's 报送 (a
 * figure of source `report_sent`, ADR 047 — 专题汇报, 通报, 述职, 民主生活会) is a DRAFT while
 * that kind of report is drafted or 定稿 for the window but not yet sent. The report kind is the
 * figure's part, so a new report duty needs no entry here. A kind without a hook has no DRAFT state.
 */
export type DraftStateHook = (db: Db, keys: readonly { orgId: string; periodCode: string }[]) => Promise<DraftState[]>;
export const DRAFT_STATE_HOOKS: Partial<Record<ActiveDutyKind, DraftStateHook>> = Object.fromEntries(
  ACTIVE_DUTY_KINDS.flatMap((kind) => {
    const figure = FIGURES[dutyFigure(kind)];
    if (figure.source !== 'report_sent' || !('parts' in figure)) return [];
    const reportKind = ReportKindSchema.parse((figure.parts as readonly string[])[0]);
    const hook: DraftStateHook = (db, keys) => reportDraftStates(db, reportKind, keys);
    return [[kind, hook]];
  }),
);

/** An org as the calendar reads it. */
export interface CalendarOrg {
  id: string;
  name: string;
  kind: OrgKind;
  path: string;
}

/** What a calendar may be computed with besides the defaults (tests pass their own table). */
export interface CalendarOptions {
  kinds?: readonly ActiveDutyKind[];
  table?: Record<string, DutyDef>;
  hooks?: Partial<Record<ActiveDutyKind, DraftStateHook>>;
}

interface Spec {
  kind: ActiveDutyKind;
  figure: RolledFigure;
  owner: CalendarOrg;
  forOrg: { id: string; name: string };
  window: PeriodRef;
  dueOn: string;
  required: number;
  ruleFrom: DutyLine['ruleFrom'];
}

/** A figure a duty may be fulfilled by: counted from dated records. */
function datedFigure(kind: ActiveDutyKind, table: Record<string, DutyDef>): RolledFigure {
  const figure = (table[kind]?.figure ?? dutyFigure(kind)) as RolledFigure;
  const source: string | undefined = (FIGURES as Record<string, { source: string }>)[figure]?.source;
  const dated = source !== undefined && source in FIGURE_SOURCES;
  if (!dated || FIGURE_SOURCES[source as keyof typeof FIGURE_SOURCES].date === null) {
    throw new Error(`duty ${kind} names ${figure}, which is not counted from dated records`);
  }
  return figure;
}

/** Every line of the orgs' duties in a year, in due-day order, with its counts and state at `now`. */
export async function dutyLines(
  db: Db,
  orgs: readonly CalendarOrg[],
  year: number,
  now: Date,
  options: CalendarOptions = {},
): Promise<DutyLine[]> {
  const table: Record<string, DutyDef> = options.table ?? DUTIES;
  const hooks = options.hooks ?? DRAFT_STATE_HOOKS;
  const rules = await dutyRulesOnPaths(
    db,
    orgs.map((o) => o.path),
  );
  const owed = orgs.map((org) => ({
    org,
    duties: owedDuties(
      { id: org.id, level: orgLevelOf(org.kind), path: org.path },
      year,
      rules,
      options.kinds ?? ACTIVE_DUTY_KINDS,
      table,
    ),
  }));
  // Orgs below an owing org, for the duties owed once for each of them (one query for all).
  const eachLevels = new Set(owed.flatMap((o) => o.duties.flatMap((d) => table[d.kind]?.eachBelow ?? [])));
  const below =
    eachLevels.size === 0
      ? []
      : await db.orgUnit.findMany({
          where: { OR: orgs.map((o) => ({ path: { startsWith: o.path }, id: { not: o.id } })) },
          select: { id: true, name: true, kind: true, path: true, sortOrder: true, code: true },
          orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
        });
  const orgsBelow = (owner: CalendarOrg, level: OrgLevel) =>
    below.filter((b) => b.id !== owner.id && b.path.startsWith(owner.path) && orgLevelOf(b.kind) === level);

  const specs: Spec[] = owed.flatMap(({ org, duties }) =>
    duties.flatMap((duty) => {
      const each = table[duty.kind]?.eachBelow;
      const forOrgs = each ? orgsBelow(org, each) : [org];
      const figure = datedFigure(duty.kind, table);
      return duty.windows.flatMap((window, i) =>
        forOrgs.map((forOrg) => ({
          kind: duty.kind,
          figure,
          owner: org,
          forOrg: { id: forOrg.id, name: forOrg.name },
          window,
          dueOn: duty.dueDays[i] ?? windowLastDay(window),
          required: duty.required,
          ruleFrom: duty.ruleFrom,
        })),
      );
    }),
  );
  // Two counts a line, all in one statement: by the end of the due day, and in the whole window —
  // both only up to `now`: a record dated ahead (a meeting entered before it is held) fulfils
  // nothing until its time comes.
  const upTo = (end: Date) => new Date(Math.min(end.getTime(), now.getTime() + 1));
  const counts = await countFiguresBetween(
    db,
    specs.flatMap((s) => [
      { figure: s.figure, orgId: s.forOrg.id, from: s.window.startsAt, to: upTo(dueDayEnd(s.dueOn)), own: true },
      { figure: s.figure, orgId: s.forOrg.id, from: s.window.startsAt, to: upTo(s.window.endsAt), own: true },
    ]),
  );
  const today = shanghaiLocalDate(now);
  // The draft of each line still short by its due day, one query per kind with a hook.
  const drafts = new Map<number, DraftState>();
  const waiting = new Map<ActiveDutyKind, number[]>();
  specs.forEach((s, i) => {
    if (!hooks[s.kind] || (counts[2 * i] ?? 0) >= s.required) return;
    const at = waiting.get(s.kind) ?? [];
    at.push(i);
    waiting.set(s.kind, at);
  });
  await Promise.all(
    [...waiting].map(async ([kind, at]) => {
      const states = await (hooks[kind] as DraftStateHook)(
        db,
        at.map((i) => ({ orgId: specs[i]?.forOrg.id ?? '', periodCode: specs[i]?.window.code ?? '' })),
      );
      at.forEach((i, j) => {
        const state = states[j];
        if (state) drafts.set(i, state);
      });
    }),
  );
  const lines = specs.map((s, i): DutyLine => {
    const doneByDue = counts[2 * i] ?? 0;
    const done = counts[2 * i + 1] ?? 0;
    const draft = drafts.get(i);
    const from = shanghaiLocalDate(s.window.startsAt);
    const last = windowLastDay(s.window);
    // The drill lists the window's records up to today, as counted (a window not begun yet: all of
    // it, so what is entered ahead for it can be found, though nothing of it counts yet).
    const to = from <= today && today < last ? today : last;
    return {
      kind: s.kind,
      orgId: s.owner.id,
      orgName: s.owner.name,
      forOrgId: s.forOrg.id,
      forOrgName: s.forOrg.name,
      window: s.window.code,
      windowFrom: from,
      windowTo: last,
      dueOn: s.dueOn,
      required: s.required,
      done,
      doneByDue,
      ...dutyState({ required: s.required, doneByDue, done, dueOn: s.dueOn, now, ...(draft ? { draft } : {}) }),
      drill: figureDrill(s.figure, s.forOrg.id, { from, to, period: s.window.code }, { own: 'true' }),
      ruleFrom: s.ruleFrom,
    };
  });
  const orgOrder = new Map(orgs.map((o, i) => [o.id, i]));
  return lines.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      DUTY_KINDS.indexOf(a.kind) - DUTY_KINDS.indexOf(b.kind) ||
      (orgOrder.get(a.orgId) ?? 0) - (orgOrder.get(b.orgId) ?? 0) ||
      a.forOrgName.localeCompare(b.forOrgName, 'zh-CN'),
  );
}

/** GET /api/duties/calendar: the org (within reach) and, with below=1, its direct children. */
export async function getDutyCalendar(
  prisma: PrismaClient,
  user: AuthUser,
  query: z.output<typeof DutyCalendarQuerySchema>,
  now: Date = new Date(),
): Promise<DutyCalendar> {
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const year = query.year ?? periodContaining('YEAR', now).year;
  const children =
    query.below === '1'
      ? await prisma.orgUnit.findMany({
          where: { parentId: org.id },
          orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
          select: { id: true, name: true, kind: true, path: true },
        })
      : [];
  const orgs = [org, ...children];
  const items = await dutyLines(prisma, orgs, year, now);
  return {
    year,
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, level: orgLevelOf(o.kind) })),
    items,
    summary: dutySummaries(items, now),
  };
}
