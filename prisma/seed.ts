// The demo sub-district (城南街道), built from the half-year summary this product grew from:
// a working committee with 12 branches, the 工委书记 as 第一责任人 and members with 分管 areas,
// a first-half plan with targets, and January–June records that reproduce its figures —
// 1 意识形态工作专题研讨会, 5 中心组专题学习研讨, 73 themed activities ("70余场次"), 1 sensitive
// online item analysed and reported to 市网信办. Records keep coming after that half, up to
// yesterday, so the current period is not empty. Deterministic for a given `now`.
import type {
  AssessmentReturn,
  Campaign,
  OpenCampaignInput,
  ReturnStepInput,
  SaveReviewInput,
  SaveSelfInput,
} from '@dutyboard/contracts/assessment-campaigns';
import type { Scheme, StarterSchemeInput } from '@dutyboard/contracts/assessments';
import { periodContaining, periodFromCode, shanghaiMidnight, shanghaiParts } from '@dutyboard/contracts/periods';
import type { Role } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { type DemoMeetingSteps, seedCommitteeMeetings } from './seed-committee-meetings.ts';
import { type DemoReportSteps, demoReportActors, seedDutyReports } from './seed-duty-reports.ts';
import { seedEventApprovals } from './seed-event-approvals.ts';
import { demoRoster } from './seed-study-rosters.ts';

export interface SeedOptions {
  /** Password of every demo account. */
  password: string;
  /** argon2id hasher (the API's own), passed in so the seed has no dependency on the API. */
  hashPassword: (password: string) => Promise<string>;
  now?: Date;
  /**
   * The API's 考核 service steps (services/assessments), passed in like the hasher: with them the
   * demo gets its 2026-H1 campaign, written through the same steps as the API (proposals, totals
   * and audit events are true). Without them the demo has no campaign.
   */
  assessments?: DemoAssessmentSteps;
  /** The API's create of 党工委 meetings (ADR 046), passed in the same way: with it the demo has its meetings. */
  meetings?: DemoMeetingSteps;
  /** The API's report steps (services/reports/demo-steps.ts): with them the demo gets its 专题汇报 and 总结 (ADR 047). */
  reports?: DemoReportSteps;
}

/** A signed-in user as the API's services take it (AuthUser). */
export interface DemoActor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  orgPath: string;
  sessionId: string;
}

type Tx = Prisma.TransactionClient;
export interface DemoAssessmentSteps {
  createStarterScheme(tx: Tx, user: DemoActor, input: StarterSchemeInput): Promise<Scheme>;
  openCampaign(tx: Tx, user: DemoActor, input: OpenCampaignInput): Promise<Campaign>;
  saveSelf(
    tx: Tx,
    user: DemoActor,
    id: string,
    input: SaveSelfInput,
    version: number | undefined,
  ): Promise<AssessmentReturn>;
  saveReview(
    tx: Tx,
    user: DemoActor,
    id: string,
    input: SaveReviewInput,
    version: number | undefined,
  ): Promise<AssessmentReturn>;
  stepReturn(
    tx: Tx,
    user: DemoActor,
    id: string,
    input: ReturnStepInput,
    version: number | undefined,
  ): Promise<AssessmentReturn>;
}

/** The demo's 考核 (issue 18): its name, and its 自评 and 复核 due days in July after the half. */
export const DEMO_CAMPAIGN = {
  name: (year: number) => `${year}年上半年街道意识形态工作责任制考核`,
  selfDueOn: (year: number) => `${year}-07-10`,
  reviewDueOn: (year: number) => `${year}-07-31`,
} as const;

export const DEMO_ACCOUNTS = [
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN', org: 'CN', note: '管理组织和用户' },
  { username: 'leader', displayName: '张卫国（工委书记）', role: 'LEADER', org: 'CN', note: '领导看板' },
  { username: 'auditor', displayName: '刘审计（督查）', role: 'AUDITOR', org: 'CN', note: '只读、审计' },
  {
    username: 'secretary',
    displayName: '陈东（东山村党支部书记）',
    role: 'SECRETARY',
    org: 'CN-V01',
    note: '东山村党支部',
  },
  {
    username: 'secretary2',
    displayName: '周和（和平社区党支部书记）',
    role: 'SECRETARY',
    org: 'CN-C01',
    note: '和平社区党支部',
  },
  // The level above (issue 17, ADR 035): the 区 that 城南街道 belongs to, and a second 街道.
  {
    username: 'district-leader',
    displayName: '孙建华（区委宣传部部长）',
    role: 'LEADER',
    org: 'SF',
    note: '区级看板，各街道',
  },
  {
    username: 'district-reviewer',
    displayName: '吴督查（区委督查室）',
    role: 'REVIEWER',
    org: 'SF',
    note: '全区只读、督查考核',
  },
  { username: 'district-admin', displayName: '区系统管理员', role: 'ADMIN', org: 'SF', note: '管理全区组织和用户' },
  {
    username: 'street2-leader',
    displayName: '郑北辰（城北街道工委书记）',
    role: 'LEADER',
    org: 'CB',
    note: '城北街道看板',
  },
] as const;

/** The 区 above 城南街道 and its second 街道, with a few branches and records of their own. */
const DISTRICT = { code: 'SF', name: '示范区委' } as const;
const STREET2 = { code: 'CB', name: '城北街道党工委' } as const;
const STREET2_BRANCHES = [
  { code: 'CB-C01', name: '北苑社区党支部', kind: 'COMMUNITY_BRANCH', weight: 3 },
  { code: 'CB-C02', name: '滨河社区党支部', kind: 'COMMUNITY_BRANCH', weight: 2 },
  { code: 'CB-V01', name: '北山村党支部', kind: 'VILLAGE_BRANCH', weight: 2 },
  { code: 'CB-A01', name: '城北街道机关党支部', kind: 'AGENCY_BRANCH', weight: 1 },
] as const;
/** 城北街道's themed activities in the summary half (a few, so the 区's ranking has two streets). */
export const STREET2_SUMMARY_ACTIVITY_COUNT = 12;

const BRANCHES = [
  { code: 'CN-V01', name: '东山村党支部', kind: 'VILLAGE_BRANCH', weight: 9 },
  { code: 'CN-V02', name: '西河村党支部', kind: 'VILLAGE_BRANCH', weight: 6 },
  { code: 'CN-V03', name: '青石村党支部', kind: 'VILLAGE_BRANCH', weight: 4 },
  { code: 'CN-V04', name: '桃园村党支部', kind: 'VILLAGE_BRANCH', weight: 5 },
  { code: 'CN-V05', name: '柳湾村党支部', kind: 'VILLAGE_BRANCH', weight: 3 },
  { code: 'CN-C01', name: '和平社区党支部', kind: 'COMMUNITY_BRANCH', weight: 8 },
  { code: 'CN-C02', name: '幸福社区党支部', kind: 'COMMUNITY_BRANCH', weight: 7 },
  { code: 'CN-C03', name: '新华社区党支部', kind: 'COMMUNITY_BRANCH', weight: 6 },
  { code: 'CN-C04', name: '光明社区党支部', kind: 'COMMUNITY_BRANCH', weight: 5 },
  { code: 'CN-C05', name: '文昌社区党支部', kind: 'COMMUNITY_BRANCH', weight: 4 },
  { code: 'CN-C06', name: '锦绣社区党支部', kind: 'COMMUNITY_BRANCH', weight: 3 },
  { code: 'CN-A01', name: '街道机关党支部', kind: 'AGENCY_BRANCH', weight: 3 },
] as const;

/** A title tied to a season: 清明 in March–April, 七一 in June–July. */
type SeasonalTitle = { text: string; months: readonly number[] };

const ACTIVITY_KINDS: readonly {
  category: Prisma.ActivityCreateManyInput['category'];
  titles: readonly (string | SeasonalTitle)[];
  weight: number;
}[] = [
  { category: 'RED_SONGS', titles: ['红色歌曲大家唱', '唱支山歌给党听', '红歌传唱进社区'], weight: 4 },
  {
    category: 'OATH_REVIEW',
    titles: ['重温入党誓词', { text: '七一重温入党誓词', months: [6, 7] }, '新党员入党宣誓'],
    weight: 3,
  },
  { category: 'PARTY_LECTURE', titles: ['书记讲党课 学党史', '支部书记专题党课', '讲党课·悟思想'], weight: 3 },
  {
    category: 'THEME_PARTY_DAY',
    titles: ['主题党日活动', '“学习强国”交流主题党日', { text: '清明祭英烈主题党日', months: [3, 4] }],
    weight: 4,
  },
  { category: 'PREACHING', titles: ['政策宣讲进村入户', '理论宣讲小分队进小区', '百姓宣讲团宣讲'], weight: 2 },
  { category: 'VOLUNTEER', titles: ['党员志愿服务', '文明创建志愿服务', '关爱老人志愿服务'], weight: 2 },
] as const;

/** Activities in the summary half year: the source says "70余场次". */
export const SUMMARY_ACTIVITY_COUNT = 73;

/** Mulberry32: small, seeded, good enough to spread demo records. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T extends { weight: number }>(items: readonly T[], r: number): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let x = r * total;
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** The first half year whose summary is complete at `now`: this year's H1 from July on. */
export function summaryHalf(now: Date) {
  const { year, month } = shanghaiParts(now);
  return periodFromCode(`${month >= 7 ? year : year - 1}-H1`);
}

/** A Shanghai local time on a day, as an instant. */
function at(day: Date, hour: number, minute = 0) {
  return new Date(day.getTime() + (hour * 60 + minute) * 60_000);
}

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.orgUnit.count()) > 0;
}

export async function seedDemo(prisma: PrismaClient, options: SeedOptions): Promise<{ activities: number }> {
  const now = options.now ?? new Date();
  const h1 = summaryHalf(now);
  const year = h1.year;
  const rand = prng(20260630);
  const passwordHash = await options.hashPassword(options.password);
  const lockedHash = await options.hashPassword(`locked-${Math.random()}-${Date.now()}`);

  return prisma.$transaction(
    async (tx) => {
      // Org tree: 示范区委 → 城南街道 (the summary's street) and 城北街道.
      const districtId = crypto.randomUUID();
      await tx.orgUnit.create({
        data: { id: districtId, ...DISTRICT, kind: 'DISTRICT_COMMITTEE', path: `/${districtId}/` },
      });
      const streetId = crypto.randomUUID();
      const streetPath = `/${districtId}/${streetId}/`;
      await tx.orgUnit.create({
        data: {
          id: streetId,
          code: 'CN',
          name: '城南街道党工委',
          kind: 'STREET_COMMITTEE',
          parentId: districtId,
          path: streetPath,
        },
      });
      /** A street's branches, in the listed order, under `parentPath`. */
      const createBranches = async (
        list: typeof BRANCHES | typeof STREET2_BRANCHES,
        parentId: string,
        parentPath: string,
      ) => {
        const created: { id: string; code: string; name: string; weight: number }[] = [];
        for (const [i, b] of list.entries()) {
          const id = crypto.randomUUID();
          await tx.orgUnit.create({
            data: { id, code: b.code, name: b.name, kind: b.kind, parentId, path: `${parentPath}${id}/`, sortOrder: i },
          });
          created.push({ id, code: b.code, name: b.name, weight: b.weight });
        }
        return created;
      };
      const branches = await createBranches(BRANCHES, streetId, streetPath);
      const street2Id = crypto.randomUUID();
      const street2Path = `/${districtId}/${street2Id}/`;
      await tx.orgUnit.create({
        data: {
          id: street2Id,
          ...STREET2,
          kind: 'STREET_COMMITTEE',
          parentId: districtId,
          path: street2Path,
          sortOrder: 1,
        },
      });
      const branches2 = await createBranches(STREET2_BRANCHES, street2Id, street2Path);
      const orgIdByCode = new Map<string, string>([
        [DISTRICT.code, districtId],
        ['CN', streetId],
        [STREET2.code, street2Id],
        ...branches.map((b) => [b.code, b.id] as const),
        ...branches2.map((b) => [b.code, b.id] as const),
      ]);

      // Accounts: the five demo logins, and leadership members who own areas but do not sign in.
      const users = new Map<string, string>();
      for (const a of DEMO_ACCOUNTS) {
        const u = await tx.user.create({
          data: {
            username: a.username,
            displayName: a.displayName,
            role: a.role,
            orgId: orgIdByCode.get(a.org) as string,
            passwordHash,
          },
        });
        users.set(a.username, u.id);
      }
      const members = [
        { username: 'li.weiyuan', displayName: '李明（组织委员）', area: '理论学习、干部培训' },
        { username: 'wang.weiyuan', displayName: '王芳（宣传委员）', area: '宣传思想、阵地管理、网络舆情' },
        { username: 'zhao.weiyuan', displayName: '赵强（纪检委员）', area: '督查考核、问题整改' },
      ];
      for (const m of members) {
        const u = await tx.user.create({
          data: {
            username: m.username,
            displayName: m.displayName,
            role: 'LEADER',
            orgId: streetId,
            passwordHash: lockedHash,
            active: true,
          },
        });
        users.set(m.username, u.id);
      }
      const leaderId = users.get('leader') as string;

      // Periods from the summary year to the current one, with targets.
      const current = periodContaining('HALF', now);
      const periodIds = new Map<string, string>();
      for (let y = year; y <= current.year; y += 1) {
        for (const code of [`${y}`, `${y}-H1`, `${y}-H2`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`]) {
          const p = periodFromCode(code);
          const row = await tx.period.create({
            data: {
              kind: p.kind,
              year: p.year,
              index: p.index,
              name:
                p.kind === 'YEAR'
                  ? `${y}年`
                  : p.kind === 'HALF'
                    ? `${y}年${p.index === 1 ? '上' : '下'}半年`
                    : `${y}年第${p.index}季度`,
              startsAt: p.startsAt,
              endsAt: p.endsAt,
            },
          });
          periodIds.set(code, row.id);
        }
      }
      const targets: Prisma.TargetCreateManyInput[] = [];
      for (const [code, periodId] of periodIds) {
        if (!code.includes('-H')) continue;
        targets.push(
          { metric: 'ACTIVITY', orgId: streetId, periodId, value: 72 },
          { metric: 'SEMINAR', orgId: streetId, periodId, value: 6 },
          { metric: 'PARTY_LECTURE', orgId: streetId, periodId, value: 12 },
          { metric: 'BRANCH_STUDY', orgId: streetId, periodId, value: 72 },
          { metric: 'CADRE_TRAINING', orgId: streetId, periodId, value: 2 },
          { metric: 'PUBLICITY', orgId: streetId, periodId, value: 10 },
        );
        for (const b of branches) targets.push({ metric: 'ACTIVITY', orgId: b.id, periodId, value: 6 });
        // 城北 has its own, smaller plan: with both streets' targets set, the 区's cards show their
        // sum (ADR 038) instead of "未设定目标".
        targets.push(
          { metric: 'ACTIVITY', orgId: street2Id, periodId, value: 24 },
          { metric: 'SEMINAR', orgId: street2Id, periodId, value: 2 },
          { metric: 'PARTY_LECTURE', orgId: street2Id, periodId, value: 4 },
          { metric: 'BRANCH_STUDY', orgId: street2Id, periodId, value: 24 },
          { metric: 'CADRE_TRAINING', orgId: street2Id, periodId, value: 1 },
          { metric: 'PUBLICITY', orgId: street2Id, periodId, value: 4 },
        );
      }
      await tx.target.createMany({ data: targets });

      // Themed activities: exactly SUMMARY_ACTIVITY_COUNT in the summary half, then a steady
      // stream up to yesterday.
      const DAY = 24 * 3600 * 1000;
      const makeActivity = (day: Date): Prisma.ActivityCreateManyInput => {
        const branch = pickWeighted(branches, rand());
        const kind = pickWeighted(ACTIVITY_KINDS, rand());
        // Only titles that fit the day's month (no 清明祭英烈 in January); one draw either way, so
        // the demo's counts stay what they were.
        const month = shanghaiParts(day).month;
        const fits = kind.titles.flatMap((t) =>
          typeof t === 'string' ? [t] : t.months.includes(month) ? [t.text] : [],
        );
        const title = fits[Math.floor(rand() * fits.length)] as string;
        const createdById =
          branch.code === 'CN-V01'
            ? users.get('secretary')
            : branch.code === 'CN-C01'
              ? users.get('secretary2')
              : leaderId;
        return {
          orgId: branch.id,
          category: kind.category,
          title,
          occurredAt: at(day, 9 + Math.floor(rand() * 8), rand() < 0.5 ? 0 : 30),
          location: `${branch.name.replace('党支部', '')}党群服务中心`,
          participants: 12 + Math.floor(rand() * 50),
          description: `${branch.name}组织党员群众开展“${title}”活动。`,
          createdById,
          updatedById: createdById,
        };
      };
      const h1Days = Math.round((h1.endsAt.getTime() - h1.startsAt.getTime()) / DAY);
      const activities: Prisma.ActivityCreateManyInput[] = [];
      for (let i = 0; i < SUMMARY_ACTIVITY_COUNT; i += 1) {
        const day = new Date(
          h1.startsAt.getTime() + Math.floor(((i + rand()) / SUMMARY_ACTIVITY_COUNT) * h1Days) * DAY,
        );
        activities.push(makeActivity(day));
      }
      const { year: ny, month: nm, day: nd } = shanghaiParts(now);
      const today = shanghaiMidnight(ny, nm, nd);
      for (let day = h1.endsAt; day < today; day = new Date(day.getTime() + DAY)) {
        // About 72 per half year, as the plan asks.
        if (rand() < 72 / 182) activities.push(makeActivity(day));
      }
      await tx.activity.createMany({ data: activities });

      // Study: 5 中心组专题学习研讨 and 1 意识形态工作专题研讨会 (both seminars), branch study.
      const month = (m: number, d: number) => shanghaiMidnight(year, m, d);
      const seminars = [
        { m: 1, d: 18, topicCategory: 'THEORY', topic: '中心组专题学习研讨：学习贯彻党的创新理论' },
        { m: 2, d: 22, topicCategory: 'POLICY', topic: '中心组专题学习研讨：全面从严治党' },
        { m: 3, d: 28, topicCategory: 'PARTY_HISTORY', topic: '中心组专题学习研讨：党史学习教育' },
        { m: 4, d: 26, topicCategory: 'THEORY', topic: '中心组专题学习研讨：意识形态工作责任制' },
        { m: 6, d: 14, topicCategory: 'POLICY', topic: '中心组专题学习研讨：基层治理与为民服务' },
        { m: 5, d: 20, topicCategory: 'IDEOLOGY_WORK', topic: '意识形态工作专题研讨会（含网络意识形态工作）' },
      ] as const;
      const rosterUsers = {
        leader: leaderId,
        organisation: users.get('li.weiyuan') as string,
        publicity: users.get('wang.weiyuan') as string,
        discipline: users.get('zhao.weiyuan') as string,
        community: users.get('secretary2') as string,
      };
      await tx.studySession.createMany({
        data: seminars.map((s, i) => ({
          orgId: streetId,
          kind: 'SEMINAR' as const,
          topicCategory: s.topicCategory,
          topic: s.topic,
          materials: '党的创新理论学习材料、上级有关文件精神',
          host: '张卫国',
          occurredAt: at(month(s.m, s.d), 14, 30),
          expectedAttendance: 9,
          actualAttendance: 9,
          minutes: `围绕“${s.topic.split('：').at(-1)}”开展交流研讨，班子成员逐一发言。`,
          createdById: leaderId,
          // The five 中心组 sessions keep their roster (ADR 051): the counts follow from it.
          ...(s.topic.startsWith('中心组') ? demoRoster(i, rosterUsers, year) : {}),
        })),
      });
      const branchStudy: Prisma.StudySessionCreateManyInput[] = [];
      for (const b of branches) {
        for (let m = 1; m <= 6; m += 1) {
          branchStudy.push({
            orgId: b.id,
            kind: 'BRANCH_STUDY',
            topicCategory: 'THEORY',
            topic: `${m}月支部集中学习`,
            host: b.name.replace('党支部', '支部书记'),
            occurredAt: at(month(m, 10 + Math.floor(rand() * 10)), 19),
            expectedAttendance: 25,
            actualAttendance: 20 + Math.floor(rand() * 6),
          });
        }
      }
      await tx.studySession.createMany({ data: branchStudy });

      // Responsibility list for the summary half.
      const h1Id = periodIds.get(`${year}-H1`) as string;
      await tx.assignment.createMany({
        data: [
          {
            periodId: h1Id,
            orgId: streetId,
            ownerId: leaderId,
            kind: 'FIRST_RESPONSIBLE',
            task: '履行意识形态工作第一责任人职责',
            status: 'OPEN',
          },
          ...members.map((m) => ({
            periodId: h1Id,
            orgId: streetId,
            ownerId: users.get(m.username) as string,
            kind: 'AREA' as const,
            area: m.area,
            task: `落实“一岗双责”，抓好分管领域（${m.area}）意识形态工作`,
            status: 'OPEN' as const,
          })),
          {
            periodId: h1Id,
            orgId: streetId,
            ownerId: leaderId,
            kind: 'TASK',
            task: '制定年度意识形态工作方案',
            dueAt: month(3, 31),
            status: 'DONE',
            doneAt: at(month(3, 15), 10),
            closingNote: '已印发《意识形态工作方案》',
          },
          {
            periodId: h1Id,
            orgId: streetId,
            ownerId: leaderId,
            kind: 'TASK',
            task: '成立意识形态工作领导小组',
            dueAt: month(3, 31),
            status: 'DONE',
            doneAt: at(month(3, 15), 10),
            closingNote: '已发文成立领导小组',
          },
          {
            periodId: h1Id,
            orgId: streetId,
            ownerId: users.get('li.weiyuan') as string,
            kind: 'TASK',
            task: '制定中心组理论学习方案和学习计划',
            dueAt: month(4, 30),
            status: 'DONE',
            doneAt: at(month(4, 8), 10),
            closingNote: '已制定学习方案和学习计划',
          },
          {
            periodId: h1Id,
            orgId: streetId,
            ownerId: users.get('li.weiyuan') as string,
            kind: 'TASK',
            task: '上半年开展专题研讨不少于6次',
            dueAt: month(6, 30),
            status: 'OPEN',
            rule: { metric: 'SEMINAR', min: 6, per: 'PERIOD', eachChild: false },
          },
          {
            periodId: h1Id,
            orgId: streetId,
            ownerId: users.get('wang.weiyuan') as string,
            kind: 'TASK',
            task: '各支部每季度至少讲党课1次',
            dueAt: month(6, 30),
            status: 'OPEN',
            rule: { metric: 'PARTY_LECTURE', min: 1, per: 'QUARTER', eachChild: true },
          },
        ],
      });

      // 阵地 register and the one sensitive online item.
      await tx.riskPoint.createMany({
        data: [
          {
            orgId: streetId,
            name: '街道微信公众号',
            type: 'WECHAT_ACCOUNT',
            level: 'HIGH',
            controlMeasure: '三审三校，专人管理',
            responsiblePerson: '王芳',
            checkIntervalDays: 30,
            lastCheckedAt: month(6, 20),
            nextCheckDueAt: month(7, 20),
          },
          {
            orgId: streetId,
            name: '新时代文明实践站',
            type: 'VENUE',
            level: 'MEDIUM',
            controlMeasure: '活动报备，内容审核',
            responsiblePerson: '王芳',
            checkIntervalDays: 90,
            lastCheckedAt: month(5, 12),
            nextCheckDueAt: month(8, 10),
          },
          ...branches.slice(0, 4).map((b) => ({
            orgId: b.id,
            name: `${b.name.replace('党支部', '')}居民微信群`,
            type: 'WECHAT_GROUP' as const,
            level: 'MEDIUM' as const,
            controlMeasure: '群主实名，网格员巡查',
            responsiblePerson: '支部书记',
            checkIntervalDays: 30,
            lastCheckedAt: month(6, 15),
            nextCheckDueAt: month(7, 15),
          })),
          {
            orgId: branches[5]?.id as string,
            name: '社区宣传栏',
            type: 'BULLETIN_BOARD',
            level: 'LOW',
            controlMeasure: '每月更新，审核上墙',
            responsiblePerson: '支部书记',
            checkIntervalDays: 30,
            lastCheckedAt: month(6, 1),
            nextCheckDueAt: month(7, 1),
          },
        ],
      });
      const registeredAt = at(month(4, 16), 9, 20);
      const alert = await tx.riskAlert.create({
        data: {
          orgId: streetId,
          level: 'LEVEL_3',
          state: 'CLOSED',
          source: '网络巡查',
          channel: '本地论坛',
          summary: '一则涉及辖区征收补偿的不实帖文，存在炒作风险',
          // 三级: a 24-hour reporting clock (the default; see ALERT_REPORT_HOURS_DEFAULT).
          reportDueAt: new Date(registeredAt.getTime() + 24 * 3_600_000),
          reach: 3200,
          registeredAt,
          reportedAt: at(month(4, 16), 15, 40),
          receiptNumber: `SWX-${year}-0416-07`,
          closedAt: at(month(4, 20), 17),
          lastEventAt: at(month(4, 20), 17),
          createdById: users.get('wang.weiyuan'),
        },
      });
      const steps = [
        { from: null, to: 'REGISTERED', when: registeredAt, note: '网络巡查发现，登记' },
        { from: 'REGISTERED', to: 'ASSESSED', when: at(month(4, 16), 11), note: '研判：信息不实，三级' },
        {
          from: 'ASSESSED',
          to: 'REPORTED',
          when: at(month(4, 16), 15, 40),
          note: '报送市网信办',
          receipt: `SWX-${year}-0416-07`,
        },
        { from: 'REPORTED', to: 'ACCEPTED', when: at(month(4, 17), 10), note: '市网信办采纳' },
        { from: 'ACCEPTED', to: 'HANDLING', when: at(month(4, 17), 14), note: '会同社区发布澄清说明' },
        { from: 'HANDLING', to: 'CLOSED', when: at(month(4, 20), 17), note: '帖文已删除，办结' },
      ] as const;
      await tx.riskAlertEvent.createMany({
        data: steps.map((s) => ({
          alertId: alert.id,
          fromState: s.from,
          toState: s.to,
          actorId: users.get('wang.weiyuan'),
          at: s.when,
          note: s.note,
          receiptNumber: 'receipt' in s ? s.receipt : null,
        })),
      });

      // Problems the summary lists, as rectifications. A deadline day is stored as its last
      // millisecond (Asia/Shanghai), as the API stores it: overdue from the next midnight.
      const endOfDay = (day: Date) => new Date(day.getTime() + DAY - 1);
      await tx.rectification.createMany({
        data: [
          {
            orgId: streetId,
            source: 'SELF_CHECK',
            problem: '部分支部意识形态工作任务和职责不够清晰',
            measure: '细化责任清单，逐项明确责任人和完成时限',
            ownerName: '赵强',
            deadlineAt: endOfDay(month(9, 30)),
            status: 'IN_PROGRESS',
          },
          {
            orgId: streetId,
            source: 'SELF_CHECK',
            problem: '理论学习不够深入，学用结合不紧',
            measure: '推行“学习+研讨+实践”模式',
            ownerName: '李明',
            deadlineAt: endOfDay(month(12, 31)),
            status: 'OPEN',
          },
          {
            orgId: streetId,
            source: 'SELF_CHECK',
            problem: '干部意识形态培训不够规范、不成体系',
            measure: '制定年度培训计划，每半年至少集中培训1次',
            ownerName: '李明',
            deadlineAt: endOfDay(month(12, 31)),
            status: 'OPEN',
          },
          {
            orgId: streetId,
            source: 'SELF_CHECK',
            problem: '阵地建设和宣传报道覆盖面不够广',
            measure: '加强阵地建设，拓展宣传渠道',
            ownerName: '王芳',
            deadlineAt: endOfDay(month(12, 31)),
            status: 'OPEN',
          },
        ],
      });

      await tx.publicityItem.createMany({
        data: [
          {
            orgId: streetId,
            outlet: '区融媒体中心',
            level: 'DISTRICT',
            title: '城南街道：红色歌声唱响基层',
            publishedAt: at(month(3, 5), 10),
          },
          {
            orgId: streetId,
            outlet: '市日报',
            level: 'CITY',
            title: '城南街道扎实推进意识形态工作责任制',
            publishedAt: at(month(5, 12), 10),
          },
          {
            orgId: streetId,
            outlet: '城南街道公众号',
            level: 'STREET_MEDIA',
            title: '重温入党誓词 牢记初心使命',
            publishedAt: at(month(6, 30), 10),
          },
        ],
      });

      // Frequency rules (制度要求): they give every period a required count where no target is set.
      await tx.frequencyRule.createMany({
        data: [
          {
            metric: 'CENTRAL_GROUP_STUDY',
            orgId: streetId,
            eachChild: false,
            frequency: 'MONTHLY',
            times: 1,
            note: '中心组每月集中学习1次',
          },
          {
            metric: 'BRANCH_STUDY',
            orgId: streetId,
            eachChild: true,
            frequency: 'MONTHLY',
            times: 1,
            note: '各支部每月开展支部学习1次',
          },
          {
            metric: 'PARTY_LECTURE',
            orgId: streetId,
            eachChild: true,
            frequency: 'QUARTERLY',
            times: 1,
            note: '支部书记每季度讲党课1次',
          },
        ],
      });

      // 排查 records behind each risk point's last check.
      const points = await tx.riskPoint.findMany({ select: { id: true, orgId: true, lastCheckedAt: true } });
      await tx.riskPointCheck.createMany({
        data: points
          .filter((p) => p.lastCheckedAt)
          .map((p) => ({
            riskPointId: p.id,
            orgId: p.orgId,
            checkedAt: at(p.lastCheckedAt as Date, 10),
            result: 'NORMAL' as const,
            note: '例行排查，未发现问题',
            checkedById: leaderId,
          })),
      });
      await (await import('./seed-positions.ts')).seedPositionsDemo(tx, { now, year, streetId, leaderId, branches });

      // The current half year's responsibility list, so its screens show live progress.
      const currentHalfId = periodIds.get(current.code);
      if (currentHalfId && current.code !== h1.code) {
        const halfEnd = new Date(current.endsAt.getTime() - DAY);
        await tx.assignment.createMany({
          data: [
            {
              periodId: currentHalfId,
              orgId: streetId,
              ownerId: leaderId,
              kind: 'FIRST_RESPONSIBLE',
              task: '履行意识形态工作第一责任人职责',
            },
            ...members.map((m) => ({
              periodId: currentHalfId,
              orgId: streetId,
              ownerId: users.get(m.username) as string,
              kind: 'AREA' as const,
              area: m.area,
              task: `落实“一岗双责”，抓好分管领域（${m.area}）意识形态工作`,
            })),
            {
              periodId: currentHalfId,
              orgId: streetId,
              ownerId: users.get('li.weiyuan') as string,
              kind: 'TASK',
              task: '本半年开展专题研讨不少于2次',
              dueAt: halfEnd,
              rule: { metric: 'SEMINAR', min: 2, per: 'PERIOD', eachChild: false },
            },
            {
              periodId: currentHalfId,
              orgId: streetId,
              ownerId: users.get('wang.weiyuan') as string,
              kind: 'TASK',
              task: '各支部每季度至少讲党课1次',
              dueAt: halfEnd,
              rule: { metric: 'PARTY_LECTURE', min: 1, per: 'QUARTER', eachChild: true },
            },
            {
              periodId: currentHalfId,
              orgId: streetId,
              ownerId: users.get('zhao.weiyuan') as string,
              kind: 'TASK',
              task: '开展一次意识形态工作专项督查',
              dueAt: shanghaiMidnight(current.year, shanghaiParts(now).month, shanghaiParts(now).day),
            },
          ],
        });
      }

      // One sensitive item still open in the current half: registered yesterday, 四级 (48 h clock).
      const openRegisteredAt = new Date(now.getTime() - 26 * 3_600_000);
      const openAlert = await tx.riskAlert.create({
        data: {
          // 和平社区, whose secretary (secretary2) registered it.
          orgId: branches.find((b) => b.code === 'CN-C01')?.id as string,
          level: 'LEVEL_4',
          state: 'ASSESSED',
          source: '网格员上报',
          channel: '居民微信群',
          summary: '居民群内转发一则未经证实的停水通知，引发议论',
          reach: 120,
          registeredAt: openRegisteredAt,
          reportDueAt: new Date(openRegisteredAt.getTime() + 48 * 3_600_000),
          lastEventAt: new Date(openRegisteredAt.getTime() + 2 * 3_600_000),
          createdById: users.get('secretary2'),
        },
      });
      await tx.riskAlertEvent.createMany({
        data: [
          {
            alertId: openAlert.id,
            fromState: null,
            toState: 'REGISTERED',
            actorId: users.get('secretary2'),
            at: openRegisteredAt,
            note: '网格员发现后登记',
          },
          {
            alertId: openAlert.id,
            fromState: 'REGISTERED',
            toState: 'ASSESSED',
            actorId: leaderId,
            at: new Date(openRegisteredAt.getTime() + 2 * 3_600_000),
            note: '经研判属一般性不实信息，需报送并协调辟谣',
          },
        ],
      });

      // 城北街道: a few activities and branch study sessions of its own, from a random stream of
      // their own, so 城南街道's records (and every figure of the summary) stay what they were.
      const rand2 = prng(20261211);
      const street2Leader = users.get('street2-leader') as string;
      const street2Activities: Prisma.ActivityCreateManyInput[] = [];
      const street2Day = (i: number, n: number, from: Date, days: number) =>
        new Date(from.getTime() + Math.floor(((i + rand2()) / n) * days) * DAY);
      const street2Activity = (day: Date): Prisma.ActivityCreateManyInput => {
        const branch = pickWeighted(branches2, rand2());
        const kind = pickWeighted(ACTIVITY_KINDS, rand2());
        const title = kind.titles.find((t): t is string => typeof t === 'string') ?? '主题党日';
        return {
          orgId: branch.id,
          category: kind.category,
          title,
          occurredAt: at(day, 9 + Math.floor(rand2() * 8)),
          location: `${branch.name.replace('党支部', '')}党群服务中心`,
          participants: 10 + Math.floor(rand2() * 30),
          description: `${branch.name}组织党员群众开展“${title}”活动。`,
          createdById: street2Leader,
          updatedById: street2Leader,
        };
      };
      for (let i = 0; i < STREET2_SUMMARY_ACTIVITY_COUNT; i += 1) {
        street2Activities.push(street2Activity(street2Day(i, STREET2_SUMMARY_ACTIVITY_COUNT, h1.startsAt, h1Days)));
      }
      for (let day = h1.endsAt; day < today; day = new Date(day.getTime() + DAY)) {
        if (rand2() < 20 / 182) street2Activities.push(street2Activity(day));
      }
      await tx.activity.createMany({ data: street2Activities });
      await tx.studySession.createMany({
        data: branches2.flatMap((b) =>
          [2, 4].map((m) => ({
            orgId: b.id,
            kind: 'BRANCH_STUDY' as const,
            topicCategory: 'THEORY' as const,
            topic: `${b.name}支部学习：党的创新理论`,
            occurredAt: at(month(m, 12), 15),
            expectedAttendance: 15,
            actualAttendance: 13,
            createdById: street2Leader,
          })),
        ),
      });

      if (options.meetings)
        await seedCommitteeMeetings(tx, options.meetings, {
          streetId,
          streetPath,
          users,
          at: (m, d, h) => at(month(m, d), h),
        });
      if (options.reports) await seedDutyReports(tx, options.reports, await demoReportActors(tx, h1, now));
      if (options.assessments) {
        const actor = (username: string, orgPath: string): DemoActor => {
          const a = DEMO_ACCOUNTS.find((x) => x.username === username);
          if (!a) throw new Error(`no demo account ${username}`);
          const orgId = orgIdByCode.get(a.org) as string;
          return {
            id: users.get(username) as string,
            username,
            displayName: a.displayName,
            role: a.role,
            orgId,
            orgPath,
            sessionId: 'seed',
          };
        };
        await seedCampaign(tx, options.assessments, {
          year,
          h1Code: h1.code,
          districtId,
          streetId,
          street2Id,
          districtLeader: actor('district-leader', `/${districtId}/`),
          districtReviewer: actor('district-reviewer', `/${districtId}/`),
          leader: actor('leader', streetPath),
          street2Leader: actor('street2-leader', street2Path),
          h1,
        });
      }

      // The 区委's rule for every 街道 (ADR 045): 专题汇报 by 6/20 and 12/20 — the seed summary's
      // dates, now said by the level above, so 城南's calendar shows "由示范区委规定" and the 规则 panel
      // of /duties has a rule to show (read-only to the 街道).
      await tx.dutyRule.create({
        data: {
          kind: 'SPECIAL_REPORT',
          orgId: districtId,
          eachChild: true,
          level: 'STREET',
          dueOn: ['06-20', '12-20'],
          note: '区委要求各街道党工委于6月20日、12月20日前报送意识形态工作专题汇报',
          createdById: users.get('district-leader') as string,
          updatedById: users.get('district-leader') as string,
        },
      });
      await seedEventApprovals(tx, {
        streetId,
        streetName: '城南街道党工委',
        now,
        leader: { id: users.get('leader') as string, name: '张卫国（工委书记）' },
        branches: (['secretary', 'secretary2'] as const).map((u) => {
          const a = DEMO_ACCOUNTS.find((x) => x.username === u);
          const b = branches.find((x) => x.code === a?.org);
          return {
            id: b?.id as string,
            name: b?.name ?? '',
            secretary: { id: users.get(u) as string, name: a?.displayName ?? '' },
          };
        }),
      });
      await tx.auditEvent.create({
        data: {
          actorId: null,
          action: 'SEED',
          entityType: 'Demo',
          entityId: null,
          after: { activities: activities.length, branches: branches.length, summaryHalf: h1.code },
        },
      });
      return { activities: activities.length };
    },
    { timeout: 60_000 },
  );
}

/**
 * The demo's 2026-H1 考核, so a new user sees every state: 示范区委 issues the starter 细则 and
 * opens the campaign over 城南 and 城北; 城南's leader scores the manual items (linking a 中心组
 * record to the computed study item) and submits; the 区 reviewer agrees with one computed item and
 * changes a manual one with a reason (复核 in progress); 城北's leader has saved a draft.
 */
async function seedCampaign(
  tx: Tx,
  steps: DemoAssessmentSteps,
  d: {
    year: number;
    h1Code: string;
    h1: { startsAt: Date; endsAt: Date };
    districtId: string;
    streetId: string;
    street2Id: string;
    districtLeader: DemoActor;
    districtReviewer: DemoActor;
    leader: DemoActor;
    street2Leader: DemoActor;
  },
): Promise<void> {
  const scheme = await steps.createStarterScheme(tx, d.districtLeader, { org: d.districtId, period: d.h1Code });
  const campaign = await steps.openCampaign(tx, d.districtLeader, {
    scheme: scheme.id,
    name: DEMO_CAMPAIGN.name(d.year),
    selfDueOn: DEMO_CAMPAIGN.selfDueOn(d.year),
    reviewDueOn: DEMO_CAMPAIGN.reviewDueOn(d.year),
  });
  const items = scheme.categories.flatMap((c) => c.items);
  const manual = items.filter((i) => i.rule.type === 'MANUAL');
  const computed = items.filter((i) => i.rule.type !== 'MANUAL');
  const returnOf = (orgId: string) => {
    const r = campaign.returns.find((x) => x.orgId === orgId);
    if (!r) throw new Error(`no return for ${orgId}`);
    return r;
  };

  // 城南: every manual item scored with a note; the study item links one of the half's 中心组 studies.
  const cn = returnOf(d.streetId);
  const study = await tx.studySession.findFirst({
    where: {
      org: { path: { startsWith: d.leader.orgPath } },
      // A 中心组专题学习研讨 (a seminar on a study topic), which the study item counts.
      kind: 'SEMINAR',
      topicCategory: 'THEORY',
      occurredAt: { gte: d.h1.startsAt, lt: d.h1.endsAt },
    },
    orderBy: { occurredAt: 'asc' },
    select: { id: true },
  });
  const studyItem = computed.find((i) => i.rule.type === 'COUNT' && i.rule.figure === 'CENTRAL_GROUP_STUDY');
  let r = await steps.saveSelf(
    tx,
    d.leader,
    cn.id,
    {
      items: manual.map((i, n) => ({
        key: i.key,
        score: n === 0 ? i.points - 1 : i.points,
        note: n === 0 ? '上半年向区委专题汇报1次，汇报材料已归档' : '已按要求完成，材料见工作台账',
        records: [],
        attachments: [],
      })),
    },
    cn.version,
  );
  // The computed items took their proposals; the study item also links a record (score kept).
  const linked = r.items.find((i) => i.key === studyItem?.key);
  if (study && linked) {
    r = await steps.saveSelf(
      tx,
      d.leader,
      r.id,
      {
        items: [
          {
            key: linked.key,
            score: linked.selfScore,
            note: linked.selfNote,
            records: [{ type: 'StudySession', id: study.id }],
            attachments: [],
          },
        ],
      },
      r.version,
    );
  }
  r = await steps.stepReturn(tx, d.leader, r.id, { to: 'SUBMITTED' }, r.version);

  // The 区 reviewer: one computed item agreed, one manual item changed with a reason.
  const agreed = computed[0];
  const changed = manual[manual.length - 1];
  if (agreed && changed) {
    await steps.saveReview(
      tx,
      d.districtReviewer,
      r.id,
      {
        items: [
          { key: agreed.key, decision: 'AGREE' },
          { key: changed.key, decision: 'CHANGE', score: changed.points - 3, reason: '支部督查记录仅覆盖部分支部' },
        ],
      },
      r.version,
    );
  }

  // 城北: a draft, one manual item noted.
  const cb = returnOf(d.street2Id);
  const first = manual[0];
  if (first) {
    await steps.saveSelf(
      tx,
      d.street2Leader,
      cb.id,
      { items: [{ key: first.key, score: first.points - 2, note: '会议纪要整理中', records: [], attachments: [] }] },
      cb.version,
    );
  }
}
