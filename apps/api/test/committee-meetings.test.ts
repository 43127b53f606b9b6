// 党工委 meetings through the API (ADR 046): validation, the committee-only org, permissions, the
// 议定事项 that become tasks in the meeting's own transaction and show their live state, edits that
// would orphan a done task, and the figures COMMITTEE_SPECIAL_STUDY / COMMITTEE_JUDGEMENT against
// their drill lists.
import { FIGURES } from '@dutyboard/contracts/figures';
import { figureDrill } from '@dutyboard/contracts/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFigures } from '../src/services/rollups/rollups.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

type Headers = Record<string, string>;
const URL = '/api/committee-meetings';

function input(overrides: Record<string, unknown> = {}) {
  return {
    orgId: fx.streetId,
    kind: 'SPECIAL_STUDY',
    title: '党工委专题研究意识形态工作',
    heldAt: '2026-03-12T02:00:00Z',
    chair: '张书记',
    venue: '党工委会议室',
    attendees: [
      { userId: fx.users.leader, name: 'leader', observer: false },
      { name: '王委员', observer: false },
      { name: '宣传干事', observer: true },
    ],
    agenda: ['传达上级意识形态工作部署', '研究年度工作要点'],
    minutes: '会议研究了2026年意识形态工作要点。',
    decisions: [{ text: '制定2026年意识形态工作要点', ownerId: fx.users.leader, dueDate: '2026-03-31' }],
    ...overrides,
  };
}

const send = (
  who: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Headers = {},
) => ctx.app.inject({ method, url, headers: { cookie: cookies[who] ?? '', ...headers }, payload: payload as object });

interface Decision {
  taskId: string;
  text: string;
  ownerId: string;
  dueDate: string;
  status: string;
  overdue: boolean;
}
interface MeetingAnswer {
  id: string;
  version: number;
  decisions: Decision[];
}

async function create(overrides: Record<string, unknown> = {}): Promise<MeetingAnswer> {
  const res = await send('leader', 'POST', URL, input(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MeetingAnswer;
}

describe('committee meetings', () => {
  it('validates the input with the shared schema: a 研判 judges, a 专题研究 does not', async () => {
    const empty = await send('leader', 'POST', URL, input({ agenda: [], attendees: [] }));
    expect(empty.statusCode).toBe(400);
    const fields = (empty.json().error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['agenda', 'attendees']));

    const noJudgement = await send('leader', 'POST', URL, input({ kind: 'SITUATION_JUDGEMENT' }));
    expect(noJudgement.statusCode).toBe(400);
    expect(noJudgement.json().error.details.fields[0].field).toBe('judgement');

    const judgement = { risks: [{ area: '网络舆情', level: 'MEDIUM', measures: '加强巡查' }] };
    const studyWithJudgement = await send('leader', 'POST', URL, input({ judgement }));
    expect(studyWithJudgement.statusCode).toBe(400);

    const unknownField = await send('leader', 'POST', URL, { ...input(), extra: 1 });
    expect(unknownField.statusCode).toBe(400);
  });

  it('refuses a branch as the meeting org, with a clear error on orgId', async () => {
    const res = await send('leader', 'POST', URL, input({ orgId: fx.branchAId, decisions: [] }));
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json().error;
    expect(body.key).toBe('meeting.notCommittee');
    expect(body.details.fields[0]).toMatchObject({ field: 'orgId', key: 'meeting.notCommittee' });
    expect(await ctx.prisma.committeeMeeting.count({ where: { orgId: fx.branchAId } })).toBe(0);
  });

  it('lets leadership write and every reacher read; a secretary of a branch reaches no street meeting', async () => {
    const meeting = await create({ decisions: [] });
    expect((await send('secA', 'POST', URL, input({ decisions: [] }))).statusCode).toBe(403);
    expect((await send('auditor', 'POST', URL, input({ decisions: [] }))).statusCode).toBe(403);
    expect((await send('auditor', 'GET', `${URL}/${meeting.id}`)).statusCode).toBe(200);
    expect((await send('admin', 'GET', `${URL}/${meeting.id}`)).statusCode).toBe(200);
    expect((await send('secA', 'GET', `${URL}/${meeting.id}`)).statusCode).toBe(404);
    const audit = await ctx.prisma.auditEvent.findMany({ where: { entityId: meeting.id } });
    expect(audit.map((e) => e.action)).toEqual(['CREATE']);
  });

  it('turns each 议定事项 into a task of the meeting in the same transaction, shown with its live state', async () => {
    const meeting = await create({
      decisions: [
        { text: '制定2026年意识形态工作要点', ownerId: fx.users.leader, dueDate: '2026-03-31' },
        { text: '调整意识形态工作领导小组', ownerId: fx.users.leader, dueDate: '2099-04-15' },
      ],
    });
    expect(meeting.decisions.map((d) => d.text)).toEqual(['制定2026年意识形态工作要点', '调整意识形态工作领导小组']);
    const tasks = await ctx.prisma.assignment.findMany({
      where: { meetingId: meeting.id },
      include: { period: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(tasks.map((t) => [t.kind, t.orgId, t.period.kind, t.period.year, t.period.index])).toEqual([
      ['TASK', fx.streetId, 'HALF', 2026, 1],
      ['TASK', fx.streetId, 'HALF', 2026, 1],
    ]);
    // Each task audited as a task.
    for (const t of tasks) {
      expect(await ctx.prisma.auditEvent.count({ where: { entityId: t.id, action: 'CREATE' } })).toBe(1);
    }
    // The first is past its due day: overdue on the meeting page and on the responsibility list.
    expect(meeting.decisions[0]).toMatchObject({ status: 'OPEN', overdue: true });
    const listed = await send('leader', 'GET', `/api/assignments?period=2026-H1&org=${fx.streetId}&overdue=true`);
    expect((listed.json().items as { id: string }[]).map((i) => i.id)).toContain(meeting.decisions[0]?.taskId);

    // Closed through the assignment workflow, the meeting shows it done.
    const taskId = meeting.decisions[0]?.taskId as string;
    const task = await send('leader', 'GET', `/api/assignments/${taskId}`);
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Assignment',
        entityId: taskId,
        orgId: fx.streetId,
        fileName: 'x.png',
        mimeType: 'image/png',
        size: 1,
        sha256: 'a'.repeat(64),
        uploadedById: fx.users.leader,
      },
    });
    const closed = await send(
      'leader',
      'POST',
      `/api/assignments/${taskId}/close`,
      { closingNote: '已印发' },
      {
        'if-match': task.headers.etag as string,
      },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    const after = (await send('leader', 'GET', `${URL}/${meeting.id}`)).json() as MeetingAnswer;
    expect(after.decisions[0]).toMatchObject({ status: 'DONE', overdue: false });
  });

  it('writes nothing when one decision is refused (the owner does not reach the committee)', async () => {
    const before = await ctx.prisma.committeeMeeting.count();
    const tasksBefore = await ctx.prisma.assignment.count();
    const res = await send(
      'leader',
      'POST',
      URL,
      input({
        decisions: [
          { text: '一', ownerId: fx.users.leader, dueDate: '2026-03-31' },
          { text: '二', ownerId: fx.users.secA, dueDate: '2026-03-31' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('decisions.1.ownerId');
    expect(await ctx.prisma.committeeMeeting.count()).toBe(before);
    expect(await ctx.prisma.assignment.count()).toBe(tasksBefore);
  });

  it('refuses an edit that would remove or change a done task, and removes an open one', async () => {
    const meeting = await create({
      decisions: [
        { text: '已完成事项', ownerId: fx.users.leader, dueDate: '2099-03-31' },
        { text: '未完成事项', ownerId: fx.users.leader, dueDate: '2099-03-31' },
      ],
    });
    const [done, open] = meeting.decisions as [Decision, Decision];
    await ctx.prisma.assignment.update({ where: { id: done.taskId }, data: { status: 'DONE', doneAt: new Date() } });
    const ifMatch = { 'if-match': `"${meeting.version}"` };

    const dropDone = await send(
      'leader',
      'PATCH',
      `${URL}/${meeting.id}`,
      {
        decisions: [{ taskId: open.taskId, text: open.text, ownerId: open.ownerId, dueDate: open.dueDate }],
      },
      ifMatch,
    );
    expect(dropDone.statusCode, dropDone.body).toBe(409);
    expect(dropDone.json().error.key).toBe('meeting.doneTaskKept');

    const changeDone = await send(
      'leader',
      'PATCH',
      `${URL}/${meeting.id}`,
      {
        decisions: [
          { taskId: done.taskId, text: '改过的文字', ownerId: done.ownerId, dueDate: done.dueDate },
          { taskId: open.taskId, text: open.text, ownerId: open.ownerId, dueDate: open.dueDate },
        ],
      },
      ifMatch,
    );
    expect(changeDone.statusCode).toBe(409);
    expect(await ctx.prisma.assignment.count({ where: { meetingId: meeting.id } })).toBe(2);

    // Keeping the done one as it is, dropping the open one and adding a new one works.
    const ok = await send(
      'leader',
      'PATCH',
      `${URL}/${meeting.id}`,
      {
        decisions: [
          { taskId: done.taskId, text: done.text, ownerId: done.ownerId, dueDate: done.dueDate },
          { text: '新增事项', ownerId: fx.users.leader, dueDate: '2099-05-01' },
        ],
      },
      ifMatch,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const answer = ok.json() as MeetingAnswer;
    expect(answer.decisions.map((d) => [d.text, d.status])).toEqual([
      ['已完成事项', 'DONE'],
      ['新增事项', 'OPEN'],
    ]);
    expect(await ctx.prisma.assignment.findUnique({ where: { id: open.taskId } })).toBeNull();
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: open.taskId, action: 'DELETE' } })).toBe(1);

    // A stale If-Match is 412; deleting a meeting with a done task is refused too.
    const stale = await send('leader', 'PATCH', `${URL}/${meeting.id}`, { venue: '二楼' }, ifMatch);
    expect(stale.statusCode).toBe(412);
    const del = await send('leader', 'DELETE', `${URL}/${meeting.id}`, undefined, {
      'if-match': `"${answer.version}"`,
    });
    expect(del.statusCode).toBe(409);
    expect(await ctx.prisma.committeeMeeting.count({ where: { id: meeting.id } })).toBe(1);
  });

  it('deletes a meeting with its open tasks', async () => {
    const meeting = await create();
    const taskId = meeting.decisions[0]?.taskId as string;
    const del = await send('leader', 'DELETE', `${URL}/${meeting.id}`, undefined, {
      'if-match': `"${meeting.version}"`,
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(await ctx.prisma.assignment.count({ where: { id: taskId } })).toBe(0);
  });

  it('links risk points and alerts of the subtree only', async () => {
    const point = await ctx.prisma.riskPoint.create({
      data: { orgId: fx.branchAId, name: '甲村微信群', type: 'WECHAT_GROUP', level: 'MEDIUM' },
    });
    const judgement = {
      risks: [{ area: '网络意识形态', level: 'MEDIUM', measures: '落实群主责任' }],
      riskPointIds: [point.id],
      alertIds: ['00000000-0000-4000-8000-000000000000'],
    };
    const bad = await send('leader', 'POST', URL, input({ kind: 'SITUATION_JUDGEMENT', judgement, decisions: [] }));
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('judgement.alertIds');
    const good = await send(
      'leader',
      'POST',
      URL,
      input({ kind: 'SITUATION_JUDGEMENT', judgement: { ...judgement, alertIds: [] }, decisions: [] }),
    );
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().judgement.riskPointIds).toEqual([point.id]);
  });

  it('counts COMMITTEE_SPECIAL_STUDY and COMMITTEE_JUDGEMENT exactly as their drill lists show', async () => {
    const judgement = { risks: [{ area: '意识形态阵地', level: 'LOW', measures: '定期巡查' }] };
    await create({ heldAt: '2026-06-30T15:59:00Z', decisions: [] }); // 23:59 on 30 June in Shanghai: H1
    await create({ heldAt: '2026-06-30T16:00:00Z', decisions: [] }); // 1 July: H2
    await create({ kind: 'SITUATION_JUDGEMENT', judgement, heldAt: '2026-05-10T02:00:00Z', decisions: [] });
    for (const figure of ['COMMITTEE_SPECIAL_STUDY', 'COMMITTEE_JUDGEMENT'] as const) {
      for (const [period, from, to] of [
        ['2026-H1', '2026-01-01', '2026-06-30'],
        ['2026-H2', '2026-07-01', '2026-12-31'],
        ['2026-Q2', '2026-04-01', '2026-06-30'],
      ] as const) {
        const [counted] = await countFigures(ctx.prisma, [{ figure, orgId: fx.streetId, key: period }]);
        const drill = figureDrill(figure, fx.streetId, { from, to, period });
        expect(drill.list).toBe(URL);
        const listed = await send(
          'leader',
          'GET',
          `${drill.list}?${new URLSearchParams({ ...drill.query, limit: '100' })}`,
        );
        expect(listed.statusCode, listed.body).toBe(200);
        const items = listed.json().items as { kind: string }[];
        expect(items.every((i) => FIGURES[figure].parts.includes(i.kind as never))).toBe(true);
        expect(counted, `${figure} ${period}`).toBe(items.length);
        expect(listed.json().total).toBe(items.length);
      }
    }
    const [h1] = await countFigures(ctx.prisma, [
      { figure: 'COMMITTEE_JUDGEMENT', orgId: fx.streetId, key: '2026-H1' },
    ]);
    expect(h1).toBeGreaterThan(0);
  });
});
