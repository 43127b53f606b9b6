// The demo's 一会一报 (issue 19 part D, ADR 048), true to the seed: 城南街道 sets its chain
// (社区（村）党支部书记 → 街道党工委分管领导, 3 days ahead); 东山村 and 和平社区 submitted their
// 2026 H1 党课/讲座 and 报告会 in time and held them as approved; 和平社区's forum was submitted
// one day ahead (flagged late, counted in EVENTS_UNAPPROVED); and 东山村 has a lecture waiting
// for its 书记's approval, so the bell and the chain show. Rows as the service writes them.
import type { Prisma } from '@dutyboard/db/client';

type Tx = Prisma.TransactionClient;

interface Who {
  id: string;
  name: string;
}

export async function seedEventApprovals(
  tx: Tx,
  ids: {
    streetId: string;
    streetName: string;
    branches: { id: string; name: string; secretary: Who }[];
    leader: Who;
    now: Date;
  },
): Promise<void> {
  const { streetId, streetName, leader } = ids;
  await tx.eventApprovalRule.create({
    data: {
      orgId: streetId,
      leadDays: 3,
      steps: [
        { label: '社区（村）党支部书记', role: 'SECRETARY', level: 'BRANCH' },
        { label: '街道党工委分管领导', role: 'LEADER', level: 'STREET' },
      ],
      createdById: leader.id,
      updatedById: leader.id,
    },
  });
  const [dongshan, heping] = ids.branches;
  if (!dongshan || !heping) return;
  const chainOf = (b: (typeof ids.branches)[number]) => [
    { label: '社区（村）党支部书记', role: 'SECRETARY', orgId: b.id, orgName: b.name, userId: null, userName: null },
    { label: '街道党工委分管领导', role: 'LEADER', orgId: streetId, orgName: streetName, userId: null, userName: null },
  ];
  const approvedBy = (b: (typeof ids.branches)[number], at: string) => [
    {
      round: 1,
      step: 0,
      decision: 'APPROVE',
      opinion: '主讲人和内容已把关，同意报送',
      userId: b.secretary.id,
      userName: b.secretary.name,
      at,
    },
    { round: 1, step: 1, decision: 'APPROVE', opinion: '同意举办', userId: leader.id, userName: leader.name, at },
  ];
  const base = {
    foreignParticipants: false,
    leadDays: 3,
    round: 1,
  };
  const events: Prisma.EventApprovalUncheckedCreateInput[] = [
    {
      ...base,
      orgId: dongshan.id,
      kind: 'LECTURE',
      topic: '学习贯彻党的二十届三中全会精神专题党课',
      outline: '一、全会的重大意义；二、改革任务与乡村振兴；三、支部落实举措',
      speaker: '陈东',
      speakerEmployer: dongshan.name,
      venue: '东山村党群服务中心',
      startsAt: new Date('2026-03-18T01:30:00Z'),
      endsAt: new Date('2026-03-18T03:30:00Z'),
      audienceSize: 45,
      vettingOpinion: '内容围绕全会精神，主讲人为支部书记，政治把关通过',
      state: 'HELD',
      submittedAt: new Date('2026-03-10T02:00:00Z'),
      chain: chainOf(dongshan),
      decisions: approvedBy(dongshan, '2026-03-11T06:00:00Z'),
      heldAt: new Date('2026-03-18T05:00:00Z'),
      heldNote: '如期举办，党员群众42人参加，课件和签到表已上传',
      createdById: dongshan.secretary.id,
      updatedById: dongshan.secretary.id,
    },
    {
      ...base,
      orgId: heping.id,
      kind: 'REPORT_MEETING',
      topic: '“网络文明进社区”形势政策报告会',
      outline: '一、网络意识形态形势；二、社区微信群管理；三、辟谣与正面发声',
      speaker: '刘老师',
      speakerEmployer: '区委党校',
      venue: '和平社区会议室',
      startsAt: new Date('2026-05-20T06:30:00Z'),
      endsAt: new Date('2026-05-20T08:30:00Z'),
      audienceSize: 60,
      vettingOpinion: '主讲人为区委党校教师，提纲经审核，同意',
      state: 'HELD',
      submittedAt: new Date('2026-05-12T02:00:00Z'),
      chain: chainOf(heping),
      decisions: approvedBy(heping, '2026-05-13T06:00:00Z'),
      heldAt: new Date('2026-05-20T09:00:00Z'),
      heldNote: '如期举办，58人参加',
      createdById: heping.secretary.id,
      updatedById: heping.secretary.id,
    },
    {
      // Submitted the day before: approved, held, but flagged late.
      ...base,
      orgId: heping.id,
      kind: 'FORUM',
      topic: '社区治理与邻里文化论坛',
      outline: '一、社区议事协商经验；二、邻里节活动交流',
      speaker: '社区居民代表',
      speakerEmployer: '和平社区居委会',
      venue: '和平社区文化广场',
      startsAt: new Date('2026-06-12T07:00:00Z'),
      endsAt: new Date('2026-06-12T09:00:00Z'),
      audienceSize: 80,
      vettingOpinion: '发言人均为本社区居民代表，发言提纲已审',
      state: 'HELD',
      submittedAt: new Date('2026-06-11T01:00:00Z'),
      late: true,
      chain: chainOf(heping),
      decisions: approvedBy(heping, '2026-06-11T08:00:00Z'),
      heldAt: new Date('2026-06-12T10:00:00Z'),
      heldNote: '如期举办；报送时距开始仅1天，已按迟报记录',
      createdById: heping.secretary.id,
      updatedById: heping.secretary.id,
    },
    {
      // Waiting for 东山村's 书记 (step 1 of 2): the bell and the chain show it.
      ...base,
      orgId: dongshan.id,
      kind: 'LECTURE',
      topic: '冬季农村安全生产与移风易俗宣讲',
      outline: '一、冬季安全生产；二、婚丧嫁娶新风尚',
      speaker: '镇农技站干部',
      speakerEmployer: '区农业农村局',
      venue: '东山村文化礼堂',
      startsAt: new Date(ids.now.getTime() + 10 * 86_400_000),
      endsAt: new Date(ids.now.getTime() + 10 * 86_400_000 + 2 * 3_600_000),
      audienceSize: 50,
      vettingOpinion: '主讲人为区农业农村局干部，内容为政策宣讲',
      state: 'SUBMITTED',
      submittedAt: ids.now,
      chain: chainOf(dongshan),
      decisions: [],
      currentStep: 0,
      pendingRole: 'SECRETARY',
      pendingOrgId: dongshan.id,
      createdById: leader.id,
      updatedById: leader.id,
    },
  ];
  for (const data of events) await tx.eventApproval.create({ data });
}
