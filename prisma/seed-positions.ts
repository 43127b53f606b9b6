// The demo's typed 阵地 and 督查/通报/谈话 ledger for 城南街道 (issue 19 part E, ADR 049), true to the
// seed summary's problem list ("阵地建设有待加强"): its 阵地 get their types, sponsor, admins, 三审
// chain, size and last update; a branch 公众号 has not been updated for 20 days (red); every other
// 阵地 was inspected this quarter. The 街道 督查s each branch in the year (all but two done; one
// 督查's findings became rectifications), issues one 黄色通报 and holds one 提醒谈话.
import { shanghaiMidnight, shanghaiParts } from '@dutyboard/contracts/periods';
import type { Prisma } from '@dutyboard/db/client';

const DAY = 86_400_000;

export interface PositionsDemo {
  now: Date;
  /** The demo's year (the summary half's). */
  year: number;
  streetId: string;
  leaderId: string;
  /** 城南街道's branches in their listed order. */
  branches: readonly { id: string; name: string }[];
}

export async function seedPositionsDemo(tx: Prisma.TransactionClient, d: PositionsDemo): Promise<void> {
  const { now, year, streetId, leaderId, branches } = d;
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

  // The register as the street keeps it: the old 活动场所 row is the 新时代文明实践站 it always was.
  const points = await tx.riskPoint.findMany({ where: { org: { path: { contains: `/${streetId}/` } } } });
  for (const p of points) {
    const data: Prisma.RiskPointUpdateInput =
      p.type === 'WECHAT_ACCOUNT'
        ? {
            sponsor: '城南街道党工委',
            administrators: ['王芳', '刘洋'],
            reviewFirst: '刘洋',
            reviewSecond: '王芳',
            reviewFinal: '街道宣传委员',
            audienceSize: 8600,
            lastUpdatedAt: daysAgo(2),
          }
        : p.name === '新时代文明实践站'
          ? { type: 'PRACTICE_STATION', sponsor: '城南街道党工委', administrators: ['王芳'], audienceSize: 1200 }
          : p.type === 'WECHAT_GROUP'
            ? {
                sponsor: p.name.replace('居民微信群', '党支部'),
                administrators: ['支部书记', '网格员'],
                audienceSize: 420,
              }
            : { sponsor: '社区党支部', administrators: ['支部书记'] };
    await tx.riskPoint.update({ where: { id: p.id }, data });
  }
  const first = branches[0];
  const second = branches[1];
  if (!first || !second) throw new Error('the demo street has no branches');
  await tx.riskPoint.createMany({
    data: [
      {
        orgId: first.id,
        name: `${first.name.replace('党支部', '')}公众号`,
        type: 'WECHAT_ACCOUNT',
        level: 'MEDIUM',
        controlMeasure: '三审后发布，每周至少更新1次',
        responsiblePerson: '支部宣传委员',
        checkIntervalDays: 30,
        sponsor: first.name,
        administrators: ['支部宣传委员'],
        reviewFirst: '支部宣传委员',
        reviewSecond: '支部副书记',
        reviewFinal: '支部书记',
        audienceSize: 960,
        // 20 days without an update: red (政务新媒体 two weeks without update).
        lastUpdatedAt: daysAgo(20),
        createdAt: daysAgo(200),
      },
      {
        orgId: streetId,
        name: '城南街道视频号',
        type: 'VIDEO_ACCOUNT',
        level: 'MEDIUM',
        controlMeasure: '三审三校，专人管理',
        responsiblePerson: '王芳',
        checkIntervalDays: 30,
        sponsor: '城南街道党工委',
        administrators: ['刘洋'],
        reviewFirst: '刘洋',
        reviewSecond: '王芳',
        reviewFinal: '街道宣传委员',
        audienceSize: 3100,
        lastUpdatedAt: daysAgo(4),
        createdAt: daysAgo(150),
      },
      {
        orgId: second.id,
        name: `${second.name.replace('党支部', '')}道德讲堂`,
        type: 'LECTURE_HALL',
        level: 'LOW',
        controlMeasure: '讲座一会一报，内容审核',
        responsiblePerson: '支部书记',
        checkIntervalDays: 90,
        sponsor: second.name,
        administrators: ['支部书记'],
        audienceSize: 80,
        createdAt: daysAgo(120),
      },
    ],
  });

  // Inspected this quarter, each (the red 公众号 is inspected too: its fault is the update).
  const all = await tx.riskPoint.findMany({ where: { org: { path: { contains: `/${streetId}/` } } } });
  const checkedAt = new Date(Math.max(daysAgo(3).getTime(), quarterStartOf(now).getTime() + 3600_000));
  for (const p of all) {
    await tx.riskPointCheck.create({
      data: {
        riskPointId: p.id,
        orgId: p.orgId,
        checkedAt,
        onTime: !p.lastCheckedAt || p.nextCheckDueAt === null || p.nextCheckDueAt.getTime() >= checkedAt.getTime(),
        result: 'NORMAL',
        note: '季度排查，未发现问题',
        checkedById: leaderId,
      },
    });
    await tx.riskPoint.update({
      where: { id: p.id },
      data: { lastCheckedAt: checkedAt, nextCheckDueAt: new Date(checkedAt.getTime() + p.checkIntervalDays * DAY) },
    });
  }

  // 督查 of each branch this year: done from March on, the last two still planned.
  const planned = (i: number) => shanghaiMidnight(year, 3 + Math.floor(i / 2), 10 + (i % 2) * 5);
  for (const [i, b] of branches.entries()) {
    const done = i < branches.length - 2 && planned(i).getTime() < now.getTime();
    const findings = i === 0 && done ? ['公众号更新不及时，三审记录不全', '意识形态工作台账不完整'] : [];
    const row = await tx.accountability.create({
      data: {
        orgId: b.id,
        type: 'INSPECTION',
        title: `${year}年度意识形态工作责任制督查（${b.name}）`,
        plannedAt: planned(i),
        occurredAt: done ? new Date(planned(i).getTime() + 9 * 3600_000) : null,
        findings,
        grounds: '街道党工委年度督查计划',
        createdById: leaderId,
        updatedById: leaderId,
      },
    });
    for (const [n, problem] of findings.entries()) {
      await tx.rectification.create({
        data: {
          orgId: b.id,
          problem,
          source: 'INSPECTION',
          findingRef: `${row.occurredAt ? row.occurredAt.toISOString().slice(0, 10) : ''} 督查第${n + 1}条`,
          accountabilityId: row.id,
          ownerName: '支部书记',
          deadlineAt: new Date(planned(i).getTime() + 60 * DAY),
          createdById: leaderId,
          updatedById: leaderId,
        },
      });
    }
  }
  await tx.accountability.createMany({
    data: [
      {
        orgId: first.id,
        type: 'NOTICE',
        title: '关于部分支部网络阵地管理不到位的通报',
        occurredAt: shanghaiMidnight(year, 6, 18),
        colour: 'YELLOW',
        grounds: '支部公众号长期未更新，三审制度落实不到位（阵地建设有待加强）',
        followUp: '限期一个月整改，整改情况报街道党工委',
        createdById: leaderId,
        updatedById: leaderId,
      },
      {
        orgId: second.id,
        type: 'TALK',
        title: '意识形态工作提醒谈话',
        occurredAt: shanghaiMidnight(year, 7, 8),
        person: '支部书记',
        grounds: '宣传覆盖面不够，阵地建设有待加强',
        followUp: '已制定整改措施，街道宣传委员跟踪落实',
        createdById: leaderId,
        updatedById: leaderId,
      },
    ],
  });
}

function quarterStartOf(now: Date): Date {
  const { year, month } = shanghaiParts(now);
  return shanghaiMidnight(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
}
