// The benchmark city as COPY text, generated row by row: the real shape (市委 root → 区委 → 街道
// and 乡镇 → branches, every pair one `parentAllowed` accepts), an account of the real role at
// each level (市 leader and auditor, 区 leader and reviewer, street leader, branch secretary),
// the plan (periods, targets, frequency rules) and three years of records with
// realistic skew (log-normal activity per branch, seasonal months, quieter weekends). Only the
// org tree, the accounts and a few weight tables live in memory; every record row is computed from
// (seed, table, row number) when the loader asks for it (see seed-random.ts), so the same seed
// gives the same bytes and the full city never sits in memory.
//
// Every row follows the schema and the app's own rules: enum values, lengths, version 1, an
// alert's events in a legal order with registeredAt ≤ reportedAt ≤ closedAt and reportDueAt from
// the level's clock, one 第一责任人 per (period, org), owners who reach their task's org, a risk
// check's onTime judged as the API judges it.
import { type OrgKind as ContractOrgKind, parentAllowed } from '@dutyboard/contracts/orgs';
import { type PeriodRef, SHANGHAI_OFFSET_MS, shanghaiMidnight, shanghaiParts } from '@dutyboard/contracts/periods';
import { periodName, periodsOfYear } from '@dutyboard/contracts/plan';
import { type AlertLevel, type AlertState, alertReportDueAt } from '@dutyboard/contracts/risk-alerts';
import { nextCheckDue } from '@dutyboard/contracts/risk-points';
import {
  BENCH_AUDITOR,
  BENCH_LEADER,
  branchSecretary,
  districtLeader,
  districtReviewer,
  streetLeader,
} from './seed-accounts.ts';
import { keyOf, Rng, uuidOf, Weighted } from './seed-random.ts';
import * as T from './seed-text.ts';

export const DEFAULT_SEED = 20_261_124;
/** Records start on 2024-01-01 and end on 2026-11-24 (Asia/Shanghai), both included. */
export const CITY_START = shanghaiMidnight(2024, 1, 1).getTime();
export const CITY_END = shanghaiMidnight(2026, 11, 25).getTime();
export const CITY_YEARS = [2024, 2025, 2026] as const;
export const CITY_NAME = '城市党委（基准）';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const MINUTE = 60 * 1000;
/** Orgs and accounts exist before the first record. */
const SETUP_AT = CITY_START - 60 * DAY;

/** The full city (scale 1). */
export const BASE_SIZES = {
  districts: 25,
  streets: 250,
  branches: 5000,
  activities: 2_000_000,
  studySessions: 400_000,
  riskAlerts: 50_000,
  assignments: 100_000,
  publicityItems: 20_000,
  rectifications: 15_000,
} as const;
export type CitySizes = Record<keyof typeof BASE_SIZES, number>;

/**
 * Streets in the first 区: a real 区's size (issue 18 times scoring a 区 of 20 街道 over a half year,
 * bench/run.ts). The other 区 share the remaining streets evenly.
 */
export const BIG_DISTRICT_STREETS = 20;

/**
 * The streets [from, to) of each district: the first has BIG_DISTRICT_STREETS (never fewer than an
 * even share, and leaving every other district one), the rest an even share of the others.
 */
export function districtStreetRanges(streets: number, districts: number): { from: number; to: number }[] {
  const big = Math.max(Math.ceil(streets / districts), Math.min(BIG_DISTRICT_STREETS, streets - (districts - 1)));
  const rest = streets - big;
  const others = districts - 1;
  return Array.from({ length: districts }, (_, d) =>
    d === 0
      ? { from: 0, to: big }
      : { from: big + Math.ceil(((d - 1) * rest) / others), to: big + Math.ceil((d * rest) / others) },
  );
}

/**
 * Every count times `scale`, keeping at least 2 districts (so a district has a sibling), 3 streets
 * and a branch per street.
 */
export function citySizes(scale: number): CitySizes {
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, not ${scale}`);
  const n = (base: number, min = 1) => Math.max(min, Math.round(base * scale));
  const streets = n(BASE_SIZES.streets, 3);
  return {
    districts: Math.min(streets, n(BASE_SIZES.districts, 2)),
    streets,
    branches: Math.max(streets, n(BASE_SIZES.branches)),
    activities: n(BASE_SIZES.activities),
    studySessions: n(BASE_SIZES.studySessions),
    riskAlerts: n(BASE_SIZES.riskAlerts),
    assignments: n(BASE_SIZES.assignments),
    publicityItems: n(BASE_SIZES.publicityItems),
    rectifications: n(BASE_SIZES.rectifications),
  };
}

type OrgKind = Extract<
  ContractOrgKind,
  | 'CITY_COMMITTEE'
  | 'DISTRICT_COMMITTEE'
  | 'STREET_COMMITTEE'
  | 'TOWNSHIP_COMMITTEE'
  | 'VILLAGE_BRANCH'
  | 'COMMUNITY_BRANCH'
  | 'AGENCY_BRANCH'
>;

/** The depth of each level of the city's tree: 市 → 区 → 街道/乡镇 → 支部. */
export const CITY_LEVEL = { city: 0, district: 1, street: 2, branch: 3 } as const;
type CityLevel = (typeof CITY_LEVEL)[keyof typeof CITY_LEVEL];
/** Streets whose first draw (their urban share) is below this are 乡镇 (TOWNSHIP_COMMITTEE). */
const TOWNSHIP_BELOW = 0.25;

export interface CityOrg {
  index: number;
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  path: string;
  sortOrder: number;
  level: CityLevel;
  /** Index into streets (the street itself, or a branch's street); -1 for the root and the districts. */
  street: number;
  /** Index into districts (the district itself, or a street's or branch's); -1 for the root. */
  district: number;
  /** Index into users of the account that writes this org's records. */
  writer: number;
}

export interface CityUser {
  id: string;
  username: string;
  displayName: string;
  role: 'LEADER' | 'SECRETARY' | 'AUDITOR' | 'REVIEWER';
  orgId: string;
}

/** One table: its name, the columns in COPY order, and its rows as COPY text lines. */
export interface TableSpec {
  name: string;
  columns: readonly string[];
  /** Rows it will produce, when known before generating them (for progress lines). */
  expected: number | null;
  rows(): Iterable<string>;
}

// ---------------------------------------------------------------------------------------------
// COPY text encoding

const NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;

function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function iso(ms: number | null): string {
  return ms === null ? NULL : new Date(ms).toISOString();
}

function num(n: number | null): string {
  return n === null ? NULL : String(n);
}

function line(fields: string[]): string {
  return `${fields.join('\t')}\n`;
}

// ---------------------------------------------------------------------------------------------
// The calendar: one weight per day (season × weekday × year), so records bunch where work does.

const MONTH_FACTOR = [0.9, 0.6, 1.0, 1.0, 1.05, 1.2, 1.45, 0.8, 1.0, 0.85, 1.1, 1.25] as const;
const YEAR_FACTOR: Record<number, number> = { 2024: 0.85, 2025: 1.0, 2026: 1.12 };

function shanghaiWeekday(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCDay();
}

class Calendar {
  readonly days: number[] = [];
  readonly picker: Weighted<number>;

  constructor() {
    for (let d = CITY_START; d < CITY_END; d += DAY) this.days.push(d);
    this.picker = new Weighted(this.days, (d) => {
      const { year, month } = shanghaiParts(new Date(d));
      const weekday = shanghaiWeekday(d);
      return (
        (MONTH_FACTOR[month - 1] as number) * (YEAR_FACTOR[year] ?? 1) * (weekday === 0 || weekday === 6 ? 0.45 : 1)
      );
    });
  }

  /** A day (its Shanghai midnight) drawn by weight. */
  day(rng: Rng): number {
    return this.picker.pick(rng);
  }

  /** The share of all dated records expected in [from, to). */
  share(from: number, to: number): number {
    const a = Math.max(0, Math.ceil((from - CITY_START) / DAY));
    const b = Math.min(this.days.length, Math.max(0, Math.ceil((to - CITY_START) / DAY)));
    return b > a ? this.picker.share(a, b) : 0;
  }
}

/** An instant on a day at a Shanghai time of day, in whole minutes. */
function atTime(day: number, hour: number, minute: number): number {
  return day + hour * HOUR + minute * MINUTE;
}

/** The last millisecond of the Shanghai day an instant falls on (how deadlines are stored). */
function endOfDay(ms: number): number {
  const { year, month, day } = shanghaiParts(new Date(ms));
  return shanghaiMidnight(year, month, day + 1).getTime() - 1;
}

/** Shanghai midnight of the day an instant falls on. */
function dayOf(ms: number): number {
  const { year, month, day } = shanghaiParts(new Date(ms));
  return shanghaiMidnight(year, month, day).getTime();
}

/** Before the end of the data: createdAt and friends never run past the last day. */
function clampEnd(ms: number): number {
  return Math.min(ms, CITY_END - 1000);
}

// ---------------------------------------------------------------------------------------------
// Who records where: a mix of the root, streets and branches, each picked by weight.

interface OrgMix {
  root: number;
  street: number;
  /** The rest goes to branches. */
}

export interface AlertSim {
  id: string;
  org: CityOrg;
  level: AlertLevel;
  registeredAt: number;
  reportDueAt: number;
  events: { from: AlertState | null; to: AlertState; at: number; actor: number; receipt: string | null }[];
}

interface PointSim {
  id: string;
  org: CityOrg;
  kind: { type: string; name: string; level: string };
  interval: number;
  createdAt: number;
  checks: { at: number; onTime: boolean; issue: boolean }[];
}

const ALERT_LEVEL_WEIGHTS = { LEVEL_1: 3, LEVEL_2: 12, LEVEL_3: 45, LEVEL_4: 40 } as const;
const STUDY_KIND_WEIGHTS = { BRANCH_STUDY: 62, SEMINAR: 15, CENTRAL_GROUP: 13, CADRE_TRAINING: 10 } as const;
type StudyKind = keyof typeof STUDY_KIND_WEIGHTS;
const STUDY_MIX: Record<StudyKind, OrgMix> = {
  BRANCH_STUDY: { root: 0, street: 0 },
  SEMINAR: { root: 0.01, street: 0.4 },
  CENTRAL_GROUP: { root: 0.01, street: 0.99 },
  CADRE_TRAINING: { root: 0.02, street: 0.98 },
};
const ACTIVITY_MIX: OrgMix = { root: 0, street: 0.03 };
const PUBLICITY_MIX: OrgMix = { root: 0.03, street: 0.6 };
const ALERT_MIX: OrgMix = { root: 0.01, street: 0.11 };
const RECTIFICATION_MIX: OrgMix = { root: 0.01, street: 0.2 };
const TOPIC_WEIGHTS: Record<StudyKind, Record<keyof typeof T.STUDY_THEMES, number>> = {
  BRANCH_STUDY: { IDEOLOGY_WORK: 8, ONLINE_IDEOLOGY: 6, THEORY: 40, PARTY_HISTORY: 20, POLICY: 20, OTHER: 6 },
  SEMINAR: { IDEOLOGY_WORK: 20, ONLINE_IDEOLOGY: 12, THEORY: 30, PARTY_HISTORY: 12, POLICY: 22, OTHER: 4 },
  CENTRAL_GROUP: { IDEOLOGY_WORK: 15, ONLINE_IDEOLOGY: 10, THEORY: 40, PARTY_HISTORY: 15, POLICY: 18, OTHER: 2 },
  CADRE_TRAINING: { IDEOLOGY_WORK: 15, ONLINE_IDEOLOGY: 15, THEORY: 25, PARTY_HISTORY: 10, POLICY: 25, OTHER: 10 },
};

function weightedKeys<K extends string>(weights: Record<K, number>): Weighted<K> {
  const keys = Object.keys(weights) as K[];
  return new Weighted(keys, (k) => weights[k]);
}

export class City {
  readonly sizes: CitySizes;
  readonly orgs: CityOrg[] = [];
  readonly districts: CityOrg[] = [];
  readonly streets: CityOrg[] = [];
  readonly branches: CityOrg[] = [];
  readonly users: CityUser[] = [];
  readonly periods: { id: string; ref: PeriodRef }[] = [];
  readonly calendar = new Calendar();

  private readonly streetPicker: Weighted<CityOrg>;
  private readonly branchPicker: Weighted<CityOrg>;
  /** Per street, the range of its branches in `branches` (they are contiguous). */
  private readonly branchRange: { from: number; to: number }[] = [];
  /** Per district, the range of its streets in `streets` (contiguous too). */
  private readonly districtStreets: { from: number; to: number }[] = [];
  private readonly alertRng: Rng;
  private readonly pointRng: Rng;
  private readonly levelPicker = weightedKeys(ALERT_LEVEL_WEIGHTS);
  private readonly studyKindPicker = weightedKeys(STUDY_KIND_WEIGHTS);
  private readonly topicPickers = Object.fromEntries(
    Object.entries(TOPIC_WEIGHTS).map(([k, w]) => [k, weightedKeys(w)]),
  ) as Record<StudyKind, Weighted<keyof typeof T.STUDY_THEMES>>;
  private readonly activityKindPicker = new Weighted(T.ACTIVITY_KINDS, (k) => k.weight);

  constructor(
    readonly seed: number,
    readonly scale: number,
  ) {
    this.sizes = citySizes(scale);
    const rng = new Rng(keyOf('tree', seed)).at(0);
    const orgKey = keyOf('org', seed);
    const userKey = keyOf('user', seed);
    const addUser = (u: Omit<CityUser, 'id'>) => {
      this.users.push({ id: uuidOf(userKey, this.users.length), ...u });
      return this.users.length - 1;
    };

    const rootId = uuidOf(orgKey, 0);
    const root: CityOrg = {
      index: 0,
      id: rootId,
      code: 'CITY',
      name: CITY_NAME,
      kind: 'CITY_COMMITTEE',
      parentId: null,
      path: `/${rootId}/`,
      sortOrder: 0,
      level: CITY_LEVEL.city,
      street: -1,
      district: -1,
      writer: 0,
    };
    this.orgs.push(root);
    addUser({ username: BENCH_LEADER, displayName: '市委书记（基准）', role: 'LEADER', orgId: rootId });
    addUser({ username: BENCH_AUDITOR, displayName: '市委督查组（基准）', role: 'AUDITOR', orgId: rootId });

    // Street names: distinct pairs of place characters, shuffled once.
    const pairs: string[] = [];
    for (const a of T.PLACE_CHARS) for (const b of T.PLACE_CHARS) if (a !== b) pairs.push(a + b);
    for (let i = pairs.length - 1; i > 0; i -= 1) {
      const j = rng.int(i + 1);
      [pairs[i], pairs[j]] = [pairs[j] as string, pairs[i] as string];
    }

    // How many branches each street has: one each, the rest by log-normal weight (largest remainder).
    const { districts: D, streets: S, branches: B } = this.sizes;
    const streetWeights = Array.from({ length: S }, () => rng.lognormal(0.55));
    const totalWeight = streetWeights.reduce((a, b) => a + b, 0);
    const rest = B - S;
    const exact = streetWeights.map((w) => (rest * w) / totalWeight);
    const counts = exact.map((x) => 1 + Math.floor(x));
    let left = B - counts.reduce((a, b) => a + b, 0);
    const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
    for (const { i } of byRemainder) {
      if (left <= 0) break;
      counts[i] = (counts[i] as number) + 1;
      left -= 1;
    }

    // 区委: their names come from their own stream, so the streets and branches below draw exactly
    // what they drew before the 区 level existed (same names, sizes, kinds and record weights).
    const districtRng = new Rng(keyOf('district', seed)).at(0);
    const districtChars: string[] = [...T.PLACE_CHARS];
    for (let i = districtChars.length - 1; i > 0; i -= 1) {
      const j = districtRng.int(i + 1);
      [districtChars[i], districtChars[j]] = [districtChars[j] as string, districtChars[i] as string];
    }
    const ranges = districtStreetRanges(S, D);
    const districtOf = (street: number) => ranges.findIndex((r) => street >= r.from && street < r.to);
    for (let d = 0; d < D; d += 1) {
      const id = uuidOf(orgKey, this.orgs.length);
      const L = districtChars.length;
      const name = `${districtChars[d % L]}${d >= L ? Math.floor(d / L) + 1 : ''}区委`;
      const district: CityOrg = {
        index: this.orgs.length,
        id,
        code: `D${String(d + 1).padStart(2, '0')}`,
        name,
        kind: 'DISTRICT_COMMITTEE',
        parentId: rootId,
        path: `${root.path}${id}/`,
        sortOrder: d,
        level: CITY_LEVEL.district,
        street: -1,
        district: d,
        writer: 0,
      };
      district.writer = addUser({
        username: districtLeader(d + 1),
        displayName: `${districtRng.pick(T.SURNAMES)}${districtRng.pick(T.GIVEN)}（${name}书记）`,
        role: 'LEADER',
        orgId: id,
      });
      addUser({
        username: districtReviewer(d + 1),
        displayName: `${districtRng.pick(T.SURNAMES)}${districtRng.pick(T.GIVEN)}（${name}督查室）`,
        role: 'REVIEWER',
        orgId: id,
      });
      this.orgs.push(district);
      this.districts.push(district);
      this.districtStreets.push(ranges[d] as { from: number; to: number });
    }

    /** The person of each street's leader: named once the street's kind (街道 or 乡镇) is known. */
    const streetPeople: string[] = [];
    for (let s = 0; s < S; s += 1) {
      const id = uuidOf(orgKey, this.orgs.length);
      const place = `${pairs[s % pairs.length]}${s >= pairs.length ? Math.floor(s / pairs.length) + 1 : ''}`;
      const code = `S${String(s + 1).padStart(3, '0')}`;
      const d = districtOf(s);
      const district = this.districts[d] as CityOrg;
      const street: CityOrg = {
        index: this.orgs.length,
        id,
        code,
        name: `${place}街道党工委`,
        kind: 'STREET_COMMITTEE',
        parentId: district.id,
        path: `${district.path}${id}/`,
        sortOrder: s,
        level: CITY_LEVEL.street,
        street: s,
        district: d,
        writer: 0,
      };
      streetPeople.push(`${rng.pick(T.SURNAMES)}${rng.pick(T.GIVEN)}`);
      street.writer = addUser({ username: streetLeader(s + 1), displayName: '', role: 'LEADER', orgId: id });
      this.orgs.push(street);
      this.streets.push(street);
    }
    for (let s = 0; s < S; s += 1) {
      const street = this.streets[s] as CityOrg;
      const urban = rng.next();
      // The most rural quarter are 乡镇 (乡镇党委), the rest 街道 (街道党工委).
      if (urban < TOWNSHIP_BELOW) {
        street.kind = 'TOWNSHIP_COMMITTEE';
        street.name = street.name.replace('街道党工委', '镇党委');
      }
      const seat = street.name.replace(/党工委$|党委$/, '');
      (this.users[street.writer] as CityUser).displayName = `${streetPeople[s]}（${street.name}书记）`;
      const from = this.branches.length;
      for (let k = 0; k < (counts[s] as number); k += 1) {
        const r = rng.next();
        const kind: OrgKind =
          r < 0.12 ? 'AGENCY_BRANCH' : r < 0.12 + 0.88 * urban ? 'COMMUNITY_BRANCH' : 'VILLAGE_BRANCH';
        const place = `${rng.pick(T.VILLAGE_CHARS)}${rng.pick(T.PLACE_CHARS)}`;
        const name =
          kind === 'AGENCY_BRANCH'
            ? `${seat}机关第${k + 1}党支部`
            : kind === 'COMMUNITY_BRANCH'
              ? `${place}社区党支部`
              : `${place}村党支部`;
        const id = uuidOf(orgKey, this.orgs.length);
        const letter = kind === 'AGENCY_BRANCH' ? 'A' : kind === 'COMMUNITY_BRANCH' ? 'C' : 'V';
        const branch: CityOrg = {
          index: this.orgs.length,
          id,
          code: `${street.code}-${letter}${String(k + 1).padStart(3, '0')}`,
          name,
          kind,
          parentId: street.id,
          path: `${street.path}${id}/`,
          sortOrder: k,
          level: CITY_LEVEL.branch,
          street: s,
          district: street.district,
          writer: 0,
        };
        branch.writer = addUser({
          username: branchSecretary(this.branches.length + 1),
          displayName: `${rng.pick(T.SURNAMES)}${rng.pick(T.GIVEN)}（${name}书记）`,
          role: 'SECRETARY',
          orgId: id,
        });
        this.orgs.push(branch);
        this.branches.push(branch);
      }
      this.branchRange.push({ from, to: this.branches.length });
    }
    // Every parent/child pair is one the API itself would accept (contracts/orgs.ts).
    const kindOf = new Map(this.orgs.map((o) => [o.id, o.kind]));
    for (const o of this.orgs) {
      const parentKind = o.parentId === null ? null : (kindOf.get(o.parentId) ?? null);
      if (!parentAllowed(o.kind, parentKind))
        throw new Error(
          `bench city: ${o.kind} ${o.code} may not sit under ${parentKind ?? 'nothing'} (ORG_KIND_RULES)`,
        );
    }

    // Activity weight per branch: log-normal (σ 1.1), so the busiest branches record tens of
    // times what the quietest do. Streets weigh by their size.
    const kindFactor: Partial<Record<OrgKind, number>> = {
      VILLAGE_BRANCH: 0.8,
      COMMUNITY_BRANCH: 1.15,
      AGENCY_BRANCH: 0.9,
    };
    this.branchPicker = new Weighted(this.branches, (b) => rng.lognormal(1.1) * (kindFactor[b.kind] ?? 1));
    this.streetPicker = new Weighted(this.streets, (s) => Math.sqrt(counts[s.street] as number) * rng.lognormal(0.4));

    const periodKey = keyOf('period', seed);
    for (const year of CITY_YEARS) {
      for (const ref of periodsOfYear(year)) this.periods.push({ id: uuidOf(periodKey, this.periods.length), ref });
    }
    this.alertRng = new Rng(keyOf('alert', seed));
    this.pointRng = new Rng(keyOf('risk-point', seed));
  }

  get root(): CityOrg {
    return this.orgs[0] as CityOrg;
  }

  private orgFrom(rng: Rng, mix: OrgMix): CityOrg {
    const r = rng.next();
    if (r < mix.root) return this.root;
    if (r < mix.root + mix.street) return this.streetPicker.pick(rng);
    return this.branchPicker.pick(rng);
  }

  /** The share of a mix's records expected in the subtree of `org`. */
  private subtreeShare(mix: OrgMix, org: CityOrg): number {
    if (org.level === CITY_LEVEL.city) return 1;
    const rest = 1 - mix.root - mix.street;
    if (org.level === CITY_LEVEL.district) {
      // Districts record nothing of their own: the sum of their streets' subtrees.
      const streets = this.districtStreets[org.district] as { from: number; to: number };
      const first = this.branchRange[streets.from] as { from: number; to: number };
      const last = this.branchRange[streets.to - 1] as { from: number; to: number };
      return (
        mix.street * this.streetPicker.share(streets.from, streets.to) +
        rest * this.branchPicker.share(first.from, last.to)
      );
    }
    const range = this.branchRange[org.street] as { from: number; to: number };
    const branchShare = this.branchPicker.share(range.from, range.to);
    const streetShare = this.streetPicker.share(org.street, org.street + 1);
    if (org.level === CITY_LEVEL.street) return mix.street * streetShare + rest * branchShare;
    const position = org.index - 1 - this.districts.length - this.streets.length;
    return rest * this.branchPicker.share(position, position + 1);
  }

  private writerOf(org: CityOrg): CityUser {
    return this.users[org.writer] as CityUser;
  }

  private person(rng: Rng): string {
    return `${rng.pick(T.SURNAMES)}${rng.pick(T.GIVEN)}`;
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  tables(passwordHash: string): TableSpec[] {
    return [
      this.orgTable(),
      this.userTable(passwordHash),
      this.periodTable(),
      this.targetTable(),
      this.frequencyRuleTable(),
      this.activityTable(),
      this.studyTable(),
      this.publicityTable(),
      this.riskPointTable(),
      this.riskCheckTable(),
      this.alertTable(),
      this.alertEventTable(),
      this.rectificationTable(),
      this.assignmentTable(),
    ];
  }

  private orgTable(): TableSpec {
    const orgs = this.orgs;
    return {
      name: 'OrgUnit',
      columns: ['id', 'code', 'name', 'kind', 'parentId', 'path', 'sortOrder', 'createdAt', 'updatedAt'],
      expected: orgs.length,
      *rows() {
        for (const o of orgs) {
          yield line([
            o.id,
            o.code,
            text(o.name),
            o.kind,
            o.parentId ?? NULL,
            o.path,
            num(o.sortOrder),
            iso(SETUP_AT),
            iso(SETUP_AT),
          ]);
        }
      },
    };
  }

  private userTable(passwordHash: string): TableSpec {
    const users = this.users;
    return {
      name: 'User',
      columns: ['id', 'username', 'displayName', 'role', 'orgId', 'passwordHash', 'active', 'createdAt', 'updatedAt'],
      expected: users.length,
      *rows() {
        for (const u of users) {
          yield line([
            u.id,
            u.username,
            text(u.displayName),
            u.role,
            u.orgId,
            text(passwordHash),
            't',
            iso(SETUP_AT),
            iso(SETUP_AT),
          ]);
        }
      },
    };
  }

  private periodTable(): TableSpec {
    const periods = this.periods;
    return {
      name: 'Period',
      columns: ['id', 'kind', 'year', 'index', 'name', 'startsAt', 'endsAt'],
      expected: periods.length,
      *rows() {
        for (const { id, ref } of periods) {
          yield line([
            id,
            ref.kind,
            num(ref.year),
            num(ref.index),
            periodName(ref),
            iso(ref.startsAt.getTime()),
            iso(ref.endsAt.getTime()),
          ]);
        }
      },
    };
  }

  /**
   * Half-year targets as prisma/seed.ts sets them: six metrics for the root and every street, and
   * ACTIVITY and BRANCH_STUDY for one branch in five. Each is near what the records will give
   * (expected count × 0.85–1.25), so pace shows green, amber and red.
   */
  private targetTable(): TableSpec {
    const city = this;
    const { activities, studySessions, publicityItems } = this.sizes;
    const lectureShare =
      (T.ACTIVITY_KINDS.find((k) => k.category === 'PARTY_LECTURE')?.weight ?? 0) /
      T.ACTIVITY_KINDS.reduce((s, k) => s + k.weight, 0);
    const kindShare = (k: StudyKind) =>
      STUDY_KIND_WEIGHTS[k] / Object.values(STUDY_KIND_WEIGHTS).reduce((a, b) => a + b, 0);
    const expected = (metric: string, org: CityOrg): number => {
      switch (metric) {
        case 'ACTIVITY':
          return activities * city.subtreeShare(ACTIVITY_MIX, org);
        case 'PARTY_LECTURE':
          return activities * lectureShare * city.subtreeShare(ACTIVITY_MIX, org);
        case 'SEMINAR':
          return studySessions * kindShare('SEMINAR') * city.subtreeShare(STUDY_MIX.SEMINAR, org);
        case 'BRANCH_STUDY':
          return studySessions * kindShare('BRANCH_STUDY') * city.subtreeShare(STUDY_MIX.BRANCH_STUDY, org);
        case 'CADRE_TRAINING':
          return studySessions * kindShare('CADRE_TRAINING') * city.subtreeShare(STUDY_MIX.CADRE_TRAINING, org);
        default:
          return publicityItems * city.subtreeShare(PUBLICITY_MIX, org);
      }
    };
    const LEADERSHIP = ['ACTIVITY', 'SEMINAR', 'PARTY_LECTURE', 'BRANCH_STUDY', 'CADRE_TRAINING', 'PUBLICITY'];
    const key = keyOf('target', this.seed);
    const rng = new Rng(key);
    return {
      name: 'Target',
      columns: ['id', 'version', 'metric', 'orgId', 'periodId', 'value', 'createdAt', 'updatedAt'],
      expected: null,
      *rows() {
        let n = 0;
        for (const { id: periodId, ref } of city.periods) {
          if (ref.kind !== 'HALF') continue;
          const share = city.calendar.share(ref.startsAt.getTime(), ref.endsAt.getTime());
          const createdAt = iso(ref.startsAt.getTime() - 10 * DAY);
          const orgs: [CityOrg, readonly string[]][] = [
            [city.root, LEADERSHIP],
            ...city.districts.map((d): [CityOrg, readonly string[]] => [d, LEADERSHIP]),
            ...city.streets.map((s): [CityOrg, readonly string[]] => [s, LEADERSHIP]),
            ...city.branches
              .filter((b) => b.index % 5 === 0)
              .map((b): [CityOrg, readonly string[]] => [b, ['ACTIVITY', 'BRANCH_STUDY']]),
          ];
          for (const [org, metrics] of orgs) {
            for (const metric of metrics) {
              rng.at(n);
              // A whole-period figure even for the half still running: the plan is for the half.
              const fullShare = share > 0 ? share : 1 / 6;
              const value = Math.max(
                1,
                Math.min(100_000, Math.round(expected(metric, org) * fullShare * (0.85 + 0.4 * rng.next()))),
              );
              yield line([uuidOf(key, n), '1', metric, org.id, periodId, num(value), createdAt, createdAt]);
              n += 1;
            }
          }
        }
      },
    };
  }

  /** prisma/seed.ts's 制度要求 for every street (and 中心组 monthly for the root and every 区委). */
  private frequencyRuleTable(): TableSpec {
    const city = this;
    const key = keyOf('frequency-rule', this.seed);
    return {
      name: 'FrequencyRule',
      columns: [
        'id',
        'version',
        'metric',
        'orgId',
        'eachChild',
        'frequency',
        'times',
        'note',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: 1 + city.districts.length + 3 * city.streets.length,
      *rows() {
        let n = 0;
        const at = iso(SETUP_AT);
        const leader = (city.users[0] as CityUser).id;
        const rule = (metric: string, org: CityOrg, eachChild: boolean, frequency: string, note: string) =>
          line([
            uuidOf(key, n++),
            '1',
            metric,
            org.id,
            eachChild ? 't' : 'f',
            frequency,
            '1',
            note,
            leader,
            leader,
            at,
            at,
          ]);
        yield rule('CENTRAL_GROUP_STUDY', city.root, false, 'MONTHLY', '中心组每月集中学习1次');
        for (const d of city.districts) yield rule('CENTRAL_GROUP_STUDY', d, false, 'MONTHLY', '中心组每月集中学习1次');
        for (const s of city.streets) {
          yield rule('CENTRAL_GROUP_STUDY', s, false, 'MONTHLY', '中心组每月集中学习1次');
          yield rule('BRANCH_STUDY', s, true, 'MONTHLY', '各支部每月开展支部学习1次');
          yield rule('PARTY_LECTURE', s, true, 'QUARTERLY', '支部书记每季度讲党课1次');
        }
      },
    };
  }

  private activityTable(): TableSpec {
    const city = this;
    const key = keyOf('activity', this.seed);
    const rng = new Rng(key);
    const count = this.sizes.activities;
    return {
      name: 'Activity',
      columns: [
        'id',
        'version',
        'orgId',
        'category',
        'title',
        'occurredAt',
        'location',
        'participants',
        'description',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: count,
      *rows() {
        for (let i = 0; i < count; i += 1) {
          rng.at(i);
          const org = city.orgFrom(rng, ACTIVITY_MIX);
          const kind = city.activityKindPicker.pick(rng);
          const title = rng.pick(kind.titles);
          const occurredAt = atTime(city.calendar.day(rng), rng.between(8, 19), rng.chance(0.5) ? 0 : 30);
          const createdAt = clampEnd(occurredAt + rng.int(72 * 60) * MINUTE);
          const place = org.name.replace(/党支部|党工委|党委$/, '');
          const writer = city.writerOf(org).id;
          yield line([
            uuidOf(key, i),
            '1',
            org.id,
            kind.category,
            title,
            iso(occurredAt),
            rng.chance(0.85) ? `${place}党群服务中心` : NULL,
            num(Math.max(1, Math.round(25 * rng.lognormal(0.6)))),
            rng.chance(0.6) ? `${org.name}组织党员群众开展“${title}”活动。` : NULL,
            writer,
            writer,
            iso(createdAt),
            iso(createdAt),
          ]);
        }
      },
    };
  }

  private studyTable(): TableSpec {
    const city = this;
    const key = keyOf('study', this.seed);
    const rng = new Rng(key);
    const count = this.sizes.studySessions;
    return {
      name: 'StudySession',
      columns: [
        'id',
        'version',
        'orgId',
        'kind',
        'topicCategory',
        'topic',
        'materials',
        'host',
        'occurredAt',
        'expectedAttendance',
        'actualAttendance',
        'absentees',
        'minutes',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: count,
      *rows() {
        for (let i = 0; i < count; i += 1) {
          rng.at(i);
          const kind = city.studyKindPicker.pick(rng);
          const org = city.orgFrom(rng, STUDY_MIX[kind]);
          const category = city.topicPickers[kind].pick(rng);
          const theme = rng.pick(T.STUDY_THEMES[category]);
          const day = city.calendar.day(rng);
          const month = shanghaiParts(new Date(day)).month;
          const topic =
            kind === 'BRANCH_STUDY'
              ? `${month}月支部集中学习：${theme}`
              : kind === 'SEMINAR'
                ? `专题研讨：${theme}`
                : kind === 'CENTRAL_GROUP'
                  ? `中心组专题学习：${theme}`
                  : `干部培训：${theme}`;
          const occurredAt = atTime(
            day,
            kind === 'BRANCH_STUDY' ? rng.pick([9, 14, 19]) : rng.pick([9, 14]),
            rng.chance(0.5) ? 0 : 30,
          );
          const expected = Math.max(2, Math.round((kind === 'CENTRAL_GROUP' ? 11 : 24) * rng.lognormal(0.35)));
          const absent = rng.chance(0.7) ? 0 : rng.between(1, Math.min(3, expected - 1));
          const absentees =
            absent === 0
              ? NULL
              : JSON.stringify(
                  Array.from({ length: absent }, () => ({
                    name: city.person(rng),
                    reason: rng.pick(T.ABSENCE_REASONS),
                  })),
                );
          const createdAt = clampEnd(occurredAt + rng.int(48 * 60) * MINUTE);
          const writer = city.writerOf(org).id;
          yield line([
            uuidOf(key, i),
            '1',
            org.id,
            kind,
            category,
            topic,
            text(rng.pick(T.STUDY_MATERIALS)),
            city.person(rng),
            iso(occurredAt),
            num(expected),
            num(expected - absent),
            absentees,
            rng.chance(0.5) ? `围绕“${theme}”开展学习交流，参学人员逐一发言。` : NULL,
            writer,
            writer,
            iso(createdAt),
            iso(createdAt),
          ]);
        }
      },
    };
  }

  private publicityTable(): TableSpec {
    const city = this;
    const key = keyOf('publicity', this.seed);
    const rng = new Rng(key);
    const count = this.sizes.publicityItems;
    const levels = weightedKeys({ CENTRAL: 2, PROVINCE: 6, CITY: 15, DISTRICT: 30, STREET_MEDIA: 47 });
    return {
      name: 'PublicityItem',
      columns: [
        'id',
        'version',
        'orgId',
        'outlet',
        'level',
        'title',
        'url',
        'publishedAt',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: count,
      *rows() {
        for (let i = 0; i < count; i += 1) {
          rng.at(i);
          const org = city.orgFrom(rng, PUBLICITY_MIX);
          const level = levels.pick(rng);
          const publishedAt = atTime(city.calendar.day(rng), rng.between(7, 20), rng.int(60));
          const createdAt = clampEnd(publishedAt + rng.int(5 * 24 * 60) * MINUTE);
          const writer = city.writerOf(org).id;
          const id = uuidOf(key, i);
          yield line([
            id,
            '1',
            org.id,
            rng.pick(T.PUBLICITY_OUTLETS[level]),
            level,
            `${org.name.replace(/党支部|党工委|党委$|（基准）/g, '')}：${rng.pick(T.PUBLICITY_TITLES)}`,
            rng.chance(0.7) ? `https://news.example.cn/${level.toLowerCase()}/${id.slice(0, 8)}.html` : NULL,
            iso(publishedAt),
            writer,
            writer,
            iso(createdAt),
            iso(createdAt),
          ]);
        }
      },
    };
  }

  // -- 阵地 and their checks ----------------------------------------------------------------------

  /** Points: two for the root, two per street, one per branch. */
  private get pointCount(): number {
    return 2 + 2 * this.streets.length + this.branches.length;
  }

  /** Point j with its whole check history, judged on time as the API judges it (checkIsOnTime). */
  private pointOf(j: number): PointSim {
    const rng = this.pointRng.at(j);
    const S = this.streets.length;
    const org =
      j < 2
        ? this.root
        : j < 2 + 2 * S
          ? (this.streets[(j - 2) >> 1] as CityOrg)
          : (this.branches[j - 2 - 2 * S] as CityOrg);
    const kinds: readonly PointSim['kind'][] =
      org.level === CITY_LEVEL.city
        ? T.RISK_POINT_KINDS.root
        : org.level === CITY_LEVEL.street
          ? T.RISK_POINT_KINDS.street
          : T.RISK_POINT_KINDS.branch;
    const kind = org.level === CITY_LEVEL.city ? (kinds[j] as PointSim['kind']) : rng.pick(kinds);
    const interval = kind.level === 'HIGH' ? 30 : kind.level === 'MEDIUM' ? rng.pick([30, 60]) : 90;
    const createdAt = atTime(CITY_START + rng.int(400) * DAY, rng.between(9, 17), rng.int(60));
    const checks: PointSim['checks'] = [];
    let last: number | null = null;
    let due = nextCheckDue(new Date(createdAt), interval).getTime();
    for (;;) {
      const from: number = last ?? createdAt;
      const late = last !== null && rng.chance(0.18);
      const factor = late ? 1.05 + 0.5 * rng.next() : last === null ? 0.3 + 0.6 * rng.next() : 0.7 + 0.3 * rng.next();
      const at: number = atTime(dayOf(from + interval * factor * DAY), rng.between(9, 17), rng.int(60));
      if (at >= CITY_END) break;
      if (last !== null && at <= last) continue;
      // checkIsOnTime: the first check is on time; later ones by the end of the due day.
      const onTime = last === null ? true : at < endOfDay(due) + 1;
      checks.push({ at, onTime, issue: rng.chance(0.06) });
      last = at;
      due = nextCheckDue(new Date(at), interval).getTime();
    }
    return { id: uuidOf(keyOf('risk-point-id', this.seed), j), org, kind, interval, createdAt, checks };
  }

  private riskPointTable(): TableSpec {
    const city = this;
    const rng = new Rng(keyOf('risk-point-text', this.seed));
    return {
      name: 'RiskPoint',
      columns: [
        'id',
        'version',
        'orgId',
        'name',
        'type',
        'level',
        'controlMeasure',
        'responsiblePerson',
        'checkIntervalDays',
        'lastCheckedAt',
        'nextCheckDueAt',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: this.pointCount,
      *rows() {
        for (let j = 0; j < city.pointCount; j += 1) {
          const p = city.pointOf(j);
          rng.at(j);
          const last = p.checks.at(-1)?.at ?? null;
          const writer = city.writerOf(p.org).id;
          const place = p.org.name.replace(/党支部|党工委|党委$|（基准）/g, '');
          yield line([
            p.id,
            '1',
            p.org.id,
            p.org.level === CITY_LEVEL.city ? p.kind.name : `${place}${p.kind.name}`,
            p.kind.type,
            p.kind.level,
            rng.pick(T.CONTROL_MEASURES),
            city.person(rng),
            num(p.interval),
            iso(last),
            iso(nextCheckDue(new Date(last ?? p.createdAt), p.interval).getTime()),
            writer,
            writer,
            iso(p.createdAt),
            iso(last === null ? p.createdAt : clampEnd(last + 5 * MINUTE)),
          ]);
        }
      },
    };
  }

  private riskCheckTable(): TableSpec {
    const city = this;
    const key = keyOf('risk-check', this.seed);
    const rng = new Rng(key);
    return {
      name: 'RiskPointCheck',
      columns: ['id', 'riskPointId', 'orgId', 'checkedAt', 'onTime', 'result', 'note', 'checkedById', 'createdAt'],
      expected: null,
      *rows() {
        let n = 0;
        for (let j = 0; j < city.pointCount; j += 1) {
          const p = city.pointOf(j);
          const checker = city.writerOf(p.org).id;
          for (const c of p.checks) {
            rng.at(n);
            yield line([
              uuidOf(key, n),
              p.id,
              p.org.id,
              iso(c.at),
              c.onTime ? 't' : 'f',
              c.issue ? 'ISSUE_FOUND' : 'NORMAL',
              text(c.issue ? rng.pick(T.CHECK_ISSUE_NOTES) : rng.pick(T.CHECK_NOTES)),
              checker,
              iso(clampEnd(c.at + 5 * MINUTE)),
            ]);
            n += 1;
          }
        }
      },
    };
  }

  // -- 舆情 and their workflow ----------------------------------------------------------------------

  /**
   * Alert j and its events: 登记 → 研判 → 报送 (on time for most, by the level's clock) → 采纳 or
   * 退回 (then 研判 and 报送 again, or straight to 处置) → 处置 → 办结. Steps that would fall after
   * the last day have not happened yet, and a few alerts stall, so every state is present.
   */
  alertOf(j: number): AlertSim {
    const rng = this.alertRng.at(j);
    const org = this.orgFrom(rng, ALERT_MIX);
    const level = this.levelPicker.pick(rng);
    const registeredAt = atTime(this.calendar.day(rng), rng.int(24), rng.int(60));
    const reportDueAt = alertReportDueAt(new Date(registeredAt), level).getTime();
    const clock = reportDueAt - registeredAt;
    const leadership = 0;
    const writer = org.level === CITY_LEVEL.city ? leadership : org.writer;
    const events: AlertSim['events'] = [
      { from: null, to: 'REGISTERED', at: registeredAt, actor: writer, receipt: null },
    ];
    const stallAfter = rng.chance(0.04) ? rng.between(1, 5) : Number.POSITIVE_INFINITY;
    let t = registeredAt;
    let state: AlertState = 'REGISTERED';
    let reports = 0;
    const step = (to: AlertState, delay: number, actor: number): boolean => {
      const at = Math.round((t + Math.max(delay, MINUTE)) / 1000) * 1000;
      if (at >= CITY_END || events.length > stallAfter) return false;
      let receipt: string | null = null;
      if (to === 'REPORTED') {
        reports += 1;
        const { year, month, day } = shanghaiParts(new Date(at));
        receipt = `SWX-${year}-${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}-${String(rng.between(1, 99)).padStart(2, '0')}${reports > 1 ? `-${reports}` : ''}`;
      }
      events.push({ from: state, to, at, actor, receipt });
      t = at;
      state = to;
      return true;
    };
    const onTime = rng.chance(0.86);
    const reportIn = clock * (onTime ? 0.35 + 0.6 * rng.next() : 1.05 + 1.5 * rng.next());
    let ok = step('ASSESSED', reportIn * (0.2 + 0.4 * rng.next()), leadership);
    ok &&= step('REPORTED', registeredAt + reportIn - t, leadership);
    for (let round = 0; ok && round < 3; round += 1) {
      if (round === 2 || rng.chance(0.82)) {
        ok = step('ACCEPTED', (1 + rng.int(20)) * HOUR, leadership);
        break;
      }
      ok = step('RETURNED', (1 + rng.int(24)) * HOUR, leadership);
      if (!ok || rng.chance(0.35)) break;
      ok =
        step('ASSESSED', (1 + rng.int(12)) * HOUR, leadership) &&
        step('REPORTED', (1 + rng.int(12)) * HOUR, leadership);
    }
    ok &&= step('HANDLING', (1 + rng.int(48)) * HOUR, writer);
    ok &&= step('CLOSED', (1 + rng.int(10 * 24)) * HOUR, leadership);
    return { id: uuidOf(keyOf('alert-id', this.seed), j), org, level, registeredAt, reportDueAt, events };
  }

  private alertTable(): TableSpec {
    const city = this;
    const rng = new Rng(keyOf('alert-text', this.seed));
    const count = this.sizes.riskAlerts;
    return {
      name: 'RiskAlert',
      columns: [
        'id',
        'version',
        'orgId',
        'level',
        'state',
        'source',
        'channel',
        'url',
        'summary',
        'reach',
        'registeredAt',
        'reportDueAt',
        'reportedAt',
        'receiptNumber',
        'closedAt',
        'lastEventAt',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: count,
      *rows() {
        for (let j = 0; j < count; j += 1) {
          const a = city.alertOf(j);
          rng.at(j);
          const last = a.events.at(-1) as AlertSim['events'][number];
          const reported = a.events.find((e) => e.to === 'REPORTED');
          const lastReport = a.events.findLast((e) => e.to === 'REPORTED');
          const closed = a.events.find((e) => e.to === 'CLOSED');
          const channel = rng.chance(0.9) ? rng.pick(T.ALERT_CHANNELS) : null;
          yield line([
            a.id,
            '1',
            a.org.id,
            a.level,
            last.to,
            rng.pick(T.ALERT_SOURCES),
            text(channel),
            channel && rng.chance(0.6) ? `https://social.example.cn/p/${a.id.slice(0, 8)}` : NULL,
            rng.pick(T.ALERT_SUMMARIES),
            rng.chance(0.8) ? num(Math.round(300 * rng.lognormal(1.5))) : NULL,
            iso(a.registeredAt),
            iso(a.reportDueAt),
            iso(reported?.at ?? null),
            text(lastReport?.receipt ?? null),
            iso(closed?.at ?? null),
            iso(last.at),
            (city.users[(a.events[0] as AlertSim['events'][number]).actor] as CityUser).id,
            (city.users[last.actor] as CityUser).id,
            iso(a.registeredAt),
            iso(last.at),
          ]);
        }
      },
    };
  }

  private alertEventTable(): TableSpec {
    const city = this;
    const key = keyOf('alert-event', this.seed);
    const count = this.sizes.riskAlerts;
    return {
      name: 'RiskAlertEvent',
      columns: ['id', 'alertId', 'fromState', 'toState', 'actorId', 'at', 'note', 'receiptNumber'],
      expected: null,
      *rows() {
        let n = 0;
        for (let j = 0; j < count; j += 1) {
          const a = city.alertOf(j);
          for (const e of a.events) {
            yield line([
              uuidOf(key, n),
              a.id,
              e.from ?? NULL,
              e.to,
              (city.users[e.actor] as CityUser).id,
              iso(e.at),
              T.ALERT_NOTES[e.to],
              text(e.receipt),
            ]);
            n += 1;
          }
        }
      },
    };
  }

  // -- 整改 and the 责任清单 -------------------------------------------------------------------------

  private rectificationTable(): TableSpec {
    const city = this;
    const key = keyOf('rectification', this.seed);
    const rng = new Rng(key);
    const count = this.sizes.rectifications;
    const alerts = this.sizes.riskAlerts;
    return {
      name: 'Rectification',
      columns: [
        'id',
        'version',
        'orgId',
        'problem',
        'source',
        'measure',
        'ownerName',
        'deadlineAt',
        'status',
        'closedAt',
        'closingNote',
        'alertId',
        'findingRef',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: count,
      *rows() {
        for (let i = 0; i < count; i += 1) {
          rng.at(i);
          const r = rng.next();
          const source = r < 0.45 ? 'SELF_CHECK' : r < 0.8 ? 'AUDIT' : 'ALERT';
          let org: CityOrg;
          let createdAt: number;
          let alertId: string | null = null;
          if (source === 'ALERT') {
            const a = city.alertOf(rng.int(alerts));
            org = a.org;
            alertId = a.id;
            const registeredAt = a.registeredAt;
            createdAt = Math.round(registeredAt + Math.min((1 + rng.int(10)) * DAY, (CITY_END - registeredAt) * 0.5));
          } else {
            org = city.orgFrom(rng, RECTIFICATION_MIX);
            createdAt = atTime(city.calendar.day(rng), rng.between(9, 17), rng.int(60));
          }
          const deadlineAt = endOfDay(createdAt + rng.pick([30, 60, 90]) * DAY);
          const age = CITY_END - createdAt;
          const d = rng.next();
          let status =
            age > 120 * DAY
              ? d < 0.85
                ? 'DONE'
                : d < 0.93
                  ? 'IN_PROGRESS'
                  : 'OPEN'
              : d < 0.25
                ? 'DONE'
                : d < 0.6
                  ? 'IN_PROGRESS'
                  : 'OPEN';
          let closedAt: number | null = null;
          if (status === 'DONE') {
            closedAt =
              Math.round((createdAt + 5 * DAY + rng.next() * (deadlineAt - createdAt + 15 * DAY)) / 1000) * 1000;
            if (closedAt >= CITY_END) {
              status = 'IN_PROGRESS';
              closedAt = null;
            }
          }
          const { year, month } = shanghaiParts(new Date(createdAt));
          const writer = city.writerOf(org).id;
          yield line([
            uuidOf(key, i),
            '1',
            org.id,
            rng.pick(T.RECTIFICATION_PROBLEMS),
            source,
            rng.pick(T.RECTIFICATION_MEASURES),
            city.person(rng),
            iso(deadlineAt),
            status,
            iso(closedAt),
            closedAt === null ? NULL : rng.pick(T.CLOSING_NOTES),
            alertId ?? NULL,
            source === 'AUDIT' ? `${year}年${month <= 6 ? '上' : '下'}半年督查第${rng.between(1, 30)}条` : NULL,
            writer,
            writer,
            iso(createdAt),
            iso(closedAt ?? createdAt),
          ]);
        }
      },
    };
  }

  /**
   * 责任清单: first a 第一责任人 per (half year, org) — one at most, as the partial unique index
   * requires — then 分管 areas for the root and streets, then tasks (some with a rule, as in
   * prisma/seed.ts) in every kind of period. Owners reach the org: a branch's secretary for a
   * branch, the street's secretary or the city leader for a street, the leader for the root.
   */
  private assignmentTable(): TableSpec {
    const city = this;
    const key = keyOf('assignment', this.seed);
    const rng = new Rng(key);
    const count = this.sizes.assignments;
    const halves = this.periods.filter((p) => p.ref.kind === 'HALF');
    const firsts = Math.min(Math.round(count * 0.3), halves.length * this.orgs.length);
    const areas = Math.min(Math.round(count * 0.05), count - firsts);
    const periodPicker = new Weighted(this.periods, (p) =>
      p.ref.kind === 'HALF' ? 5 : p.ref.kind === 'QUARTER' ? 3.5 : 3,
    );
    const TASK_MIX: OrgMix = { root: 0.01, street: 0.3 };
    const ownerOf = (org: CityOrg): CityUser =>
      org.level === CITY_LEVEL.city
        ? (city.users[0] as CityUser)
        : org.level === CITY_LEVEL.street && rng.chance(0.3)
          ? city.writerOf(city.districts[org.district] as CityOrg)
          : city.writerOf(org);
    return {
      name: 'Assignment',
      columns: [
        'id',
        'version',
        'periodId',
        'orgId',
        'ownerId',
        'kind',
        'area',
        'task',
        'dueAt',
        'status',
        'rule',
        'doneAt',
        'closingNote',
        'createdById',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      expected: count,
      *rows() {
        const leader = (city.users[0] as CityUser).id;
        for (let i = 0; i < count; i += 1) {
          rng.at(i);
          let period: { id: string; ref: PeriodRef };
          let org: CityOrg;
          let kind: 'FIRST_RESPONSIBLE' | 'AREA' | 'TASK';
          if (i < firsts) {
            period = halves[i % halves.length] as (typeof halves)[number];
            org = city.orgs[Math.floor(i / halves.length)] as CityOrg;
            kind = 'FIRST_RESPONSIBLE';
          } else if (i < firsts + areas) {
            period = rng.pick(halves);
            org = rng.chance(0.05) ? city.root : city.streetPicker.pick(rng);
            kind = 'AREA';
          } else {
            period = periodPicker.pick(rng);
            org = city.orgFrom(rng, TASK_MIX);
            kind = 'TASK';
          }
          const owner =
            kind === 'FIRST_RESPONSIBLE'
              ? org.level === CITY_LEVEL.city
                ? (city.users[0] as CityUser)
                : city.writerOf(org)
              : ownerOf(org);
          const start = period.ref.startsAt.getTime();
          const end = period.ref.endsAt.getTime();
          const createdAt = clampEnd(start - rng.between(1, 20) * DAY + rng.between(9, 17) * HOUR);
          let area: string | null = null;
          let task: string;
          let dueAt: number | null = null;
          let rule: string | null = null;
          let status = 'OPEN';
          let doneAt: number | null = null;
          let closingNote: string | null = null;
          if (kind === 'FIRST_RESPONSIBLE') {
            task = '履行意识形态工作第一责任人职责';
          } else if (kind === 'AREA') {
            area = rng.pick(T.AREAS);
            task = `落实“一岗双责”，抓好分管领域（${area}）意识形态工作`;
          } else {
            // A due day in the last two thirds of the period, stored as its Shanghai midnight.
            dueAt = dayOf(start + (end - start) * (0.33 + 0.66 * rng.next()));
            if (rng.chance(0.05)) {
              const eachChild = org.level !== CITY_LEVEL.branch && rng.chance(0.5);
              const metric = eachChild
                ? rng.pick(['PARTY_LECTURE', 'BRANCH_STUDY'])
                : rng.pick(['SEMINAR', 'ACTIVITY', 'BRANCH_STUDY']);
              const per =
                period.ref.kind === 'QUARTER' ? rng.pick(['PERIOD', 'MONTH']) : rng.pick(['PERIOD', 'QUARTER']);
              const min = metric === 'ACTIVITY' ? rng.between(2, 6) : rng.between(1, 2);
              rule = JSON.stringify({ metric, min, per, eachChild });
              task = `${eachChild ? '各下级组织' : ''}${per === 'PERIOD' ? '本期' : per === 'QUARTER' ? '每季度' : '每月'}开展${
                metric === 'PARTY_LECTURE'
                  ? '讲党课'
                  : metric === 'BRANCH_STUDY'
                    ? '支部学习'
                    : metric === 'SEMINAR'
                      ? '专题研讨'
                      : '主题活动'
              }不少于${min}次`;
            } else {
              task = rng.pick(T.TASKS);
              const dueDone = dueAt + DAY <= CITY_END;
              const d = rng.next();
              status = dueDone ? (d < 0.75 ? 'DONE' : d < 0.95 ? 'OPEN' : 'CANCELLED') : d < 0.15 ? 'DONE' : 'OPEN';
              if (status === 'DONE') {
                doneAt = Math.round(createdAt + (dueAt + DAY * 5 - createdAt) * rng.next());
                if (doneAt >= CITY_END || doneAt <= createdAt)
                  doneAt = Math.round((createdAt + Math.min(CITY_END, dueAt + DAY)) / 2);
                closingNote = rng.pick(T.TASK_CLOSING_NOTES);
              }
            }
          }
          const updatedAt = doneAt ?? createdAt;
          yield line([
            uuidOf(key, i),
            '1',
            period.id,
            org.id,
            owner.id,
            kind,
            text(area),
            task,
            iso(dueAt),
            status,
            rule ?? NULL,
            iso(doneAt),
            text(closingNote),
            leader,
            status === 'DONE' ? owner.id : leader,
            iso(createdAt),
            iso(Math.max(updatedAt, createdAt)),
          ]);
        }
      },
    };
  }
}
