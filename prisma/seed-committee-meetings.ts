// The demo's 党工委 meetings (ADR 046), true to the seed summary: in March 城南街道's 党工委 studied
// ideology work (专题研究) and decided the 意识形态工作方案 and the 领导小组 — the two tasks the
// seed's responsibility list already holds as done on 15 March become that meeting's 议定事项 —
// and it held a 研判 each quarter, the Q2 one judging the online item reported to the 市网信办 on
// 16 April. Written through the API's own create (passed in, as the 考核 steps are), so the
// answers, audit events and rollups are the real ones. The seed's "1 专题研讨会" stays a
// StudySession SEMINAR.
import type { CreateMeetingInput, Meeting } from '@dutyboard/contracts/committee-meetings';
import type { Prisma } from '@dutyboard/db/client';
import { DEMO_ACCOUNTS, type DemoActor } from './seed.ts';

type Tx = Prisma.TransactionClient;

export interface DemoMeetingSteps {
  createMeeting(tx: Tx, user: DemoActor, input: CreateMeetingInput): Promise<Meeting>;
}

export interface DemoMeetingContext {
  streetId: string;
  streetPath: string;
  /** Demo users' ids by username (leader, li.weiyuan, wang.weiyuan, zhao.weiyuan). */
  users: ReadonlyMap<string, string>;
  /** A Shanghai wall-clock instant of the demo year. */
  at(month: number, day: number, hour: number): Date;
}

const ATTENDEES = (c: DemoMeetingContext, leader: DemoActor) => [
  { userId: leader.id, name: '张卫国', observer: false },
  { userId: c.users.get('li.weiyuan') ?? null, name: '李明', observer: false },
  { userId: c.users.get('wang.weiyuan') ?? null, name: '王芳', observer: false },
  { userId: c.users.get('zhao.weiyuan') ?? null, name: '赵强', observer: false },
  { name: '街道宣传干事', observer: true },
];

/** The street's 工委书记 as the API's services take a signed-in user. */
function leaderOf(c: DemoMeetingContext): DemoActor {
  const account = DEMO_ACCOUNTS.find((a) => a.username === 'leader');
  const id = c.users.get('leader');
  if (!account || !id) throw new Error('the demo has no leader');
  const { displayName, role } = account;
  return { id, username: 'leader', displayName, role, orgId: c.streetId, orgPath: c.streetPath, sessionId: 'seed' };
}

export async function seedCommitteeMeetings(tx: Tx, steps: DemoMeetingSteps, c: DemoMeetingContext): Promise<void> {
  const leader = leaderOf(c);
  const base = {
    orgId: c.streetId,
    chair: '张卫国',
    venue: '街道党工委会议室',
    attendees: ATTENDEES(c, leader),
    decisions: [],
  };
  const study = await steps.createMeeting(tx, leader, {
    ...base,
    kind: 'SPECIAL_STUDY',
    title: '党工委专题研究意识形态工作',
    heldAt: c.at(3, 10, 9).toISOString(),
    agenda: [
      '传达学习上级关于意识形态工作责任制的部署要求',
      '研究制定年度意识形态工作方案',
      '研究成立意识形态工作领导小组',
    ],
    minutes:
      '会议传达了上级关于落实意识形态工作责任制的部署要求，研究了年度意识形态工作方案，决定成立由工委书记任组长的意识形态工作领导小组，做到一同部署、一同落实、一同建设、一同考核。',
  });
  // The plan and the leading group were decided here: the seed's two done tasks are its 议定事项.
  await tx.assignment.updateMany({
    where: { orgId: c.streetId, task: { in: ['制定年度意识形态工作方案', '成立意识形态工作领导小组'] } },
    data: { meetingId: study.id },
  });

  const points = await tx.riskPoint.findMany({ where: { orgId: c.streetId }, select: { id: true }, take: 2 });
  const alert = await tx.riskAlert.findFirst({
    where: { orgId: c.streetId, receiptNumber: { not: null } },
    orderBy: { registeredAt: 'asc' },
    select: { id: true },
  });
  await steps.createMeeting(tx, leader, {
    ...base,
    kind: 'SITUATION_JUDGEMENT',
    title: '一季度意识形态形势分析研判会',
    heldAt: c.at(3, 26, 15).toISOString(),
    agenda: ['分析一季度辖区意识形态领域总体形势', '排查意识形态阵地和网络舆情风险点'],
    judgement: {
      risks: [
        { area: '网络舆情', level: 'MEDIUM', measures: '加强本地论坛、微信群巡查，发现问题及时登记研判' },
        { area: '意识形态阵地', level: 'LOW', measures: '街道公众号落实三审三校，宣传栏每月更新' },
      ],
      riskPointIds: points.map((p) => p.id),
      alertIds: [],
    },
    minutes: '一季度辖区意识形态领域总体平稳，网络舆情和阵地管理是需要关注的重点。',
  });
  await steps.createMeeting(tx, leader, {
    ...base,
    kind: 'SITUATION_JUDGEMENT',
    title: '二季度意识形态形势分析研判会',
    heldAt: c.at(4, 28, 15).toISOString(),
    agenda: ['研判4月16日涉征收补偿不实帖文的处置情况', '分析二季度辖区意识形态领域形势'],
    judgement: {
      risks: [
        {
          area: '涉征收补偿网络不实信息',
          level: 'HIGH',
          measures: '已报送市网信办并发布澄清说明；持续关注相关话题，做好群众解释工作',
        },
      ],
      riskPointIds: [],
      alertIds: alert ? [alert.id] : [],
    },
    minutes: '会议研判了4月16日发现并报送市网信办的不实帖文，帖文已删除，舆情已办结，需防止反弹。',
  });
}
