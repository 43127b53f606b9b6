// The demo 中心组's rosters (ADR 051): the 党工委's nine members at each of the five
// 中心组专题学习研讨, one 请假 made up by 自学, one 请假 still owing its 补学 (so 待补学 shows one
// name), and a 社区 书记 sitting in (列席旁听) on the 意识形态工作责任制 session.
import {
  type RosterMember,
  type RosterMemberInput,
  rosterAttendance,
  storedRoster,
} from '@dutyboard/contracts/study-sessions';

/** The four members with accounts; the others are named only (they do not sign in). */
export interface RosterUsers {
  leader: string;
  organisation: string;
  publicity: string;
  discipline: string;
  community: string;
}

const NAMED_ONLY = [
  '陈建国（党工委副书记、办事处主任）',
  '刘洋（党工委副书记）',
  '黄敏（武装部长）',
  '吴涛（办事处副主任）',
  '郑丽（办事处副主任）',
];

/** A session's roster by its index among the five (0-based, in the seed's order), and what it stores. */
export function demoRoster(index: number, users: RosterUsers, year: number) {
  const present = (userId: string | null, name: string, outline?: string): RosterMemberInput => ({
    userId,
    name,
    status: 'PRESENT',
    ...(outline ? { outline } : {}),
  });
  const members: RosterMemberInput[] = [
    present(
      users.leader,
      '张卫国（工委书记）',
      index === 0 ? '结合街道实际谈学习党的创新理论的体会和落实举措' : undefined,
    ),
    present(users.organisation, '李明（组织委员）'),
    present(users.publicity, '王芳（宣传委员）'),
    present(users.discipline, '赵强（纪检委员）'),
    ...NAMED_ONLY.map((name) => present(null, name)),
  ];
  if (index === 1) {
    // 全面从严治党: the 纪检委员 was at a district training and made it up by 自学 three days later.
    members[3] = {
      userId: users.discipline,
      name: '赵强（纪检委员）',
      status: 'LEAVE',
      reason: '参加区纪委业务培训',
      makeUp: { madeUpOn: `${year}-02-25`, how: 'SELF', notes: '自学会议材料并提交心得' },
    };
  }
  if (index === 3) {
    members.push({ userId: users.community, name: '周和（和平社区党支部书记）', role: 'OBSERVER', status: 'PRESENT' });
  }
  if (index === 4) {
    // 基层治理与为民服务: the 宣传委员 was away; her 补学 is still owed.
    members[2] = {
      userId: users.publicity,
      name: '王芳（宣传委员）',
      status: 'LEAVE',
      reason: '带队参加区宣传工作会议',
    };
  }
  const roster: RosterMember[] = storedRoster(members);
  return { roster, ...rosterAttendance(roster) };
}
