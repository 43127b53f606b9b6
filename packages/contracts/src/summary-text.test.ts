import { describe, expect, it } from 'vitest';
import { SummaryContentSchema } from './reports.ts';
import {
  allFigures,
  approxCount,
  bodyCharacterWidth,
  buildSummary,
  type Count,
  chineseDate,
  chineseDay,
  chineseNumeral,
  durationText,
  dutyParagraphs,
  exactCount,
  headingNumber,
  joinList,
  monthName,
  NO_PROBLEMS_TEXT,
  nextStepsFrom,
  numberPoints,
  ordinalLead,
  paragraph,
  personName,
  positionParagraphs,
  problemsFrom,
  publicityParagraphs,
  STANDING_NEXT_STEP,
  type SummaryFacts,
  shanghaiMonth,
  signOffIndents,
  splitByFigures,
  studyParagraphs,
  summaryTitle,
  topicSubject,
  toSummaryDrill,
} from './summary-text.ts';

const drill = (
  list: '/api/activities' | '/api/study-sessions' | '/api/risk-alerts',
  extra: Record<string, string> = {},
) => ({
  list,
  query: { org: 'o', from: '2026-01-01', to: '2026-06-30', ...extra },
});
const count = (value: number, d = drill('/api/activities')): Count => ({ value, drill: d });
const none: Count = { value: 0, drill: null };

/** The demo half year (docs/demo-data.md) as facts; tests override what they look at. */
function facts(over: Partial<SummaryFacts> = {}): SummaryFacts {
  return {
    orgName: '城南街道党工委',
    periodName: '2026年上半年',
    periodWord: '上半年',
    complete: true,
    hasBranches: true,
    date: '2026-07-05',
    duty: {
      firstResponsible: { name: '张卫国', count: count(1) },
      areas: {
        owners: [
          { name: '李明', area: '理论学习、干部培训' },
          { name: '王芳', area: '宣传思想、阵地管理、网络舆情' },
        ],
        count: count(2),
      },
      milestones: [
        { month: 3, task: '制定年度意识形态工作方案' },
        { month: 3, task: '成立意识形态工作领导小组' },
        { month: 4, task: '制定中心组理论学习方案和学习计划' },
      ],
      tasksDone: count(4),
      ideologySeminars: count(1, drill('/api/study-sessions', { kind: 'SEMINAR', topicGroup: 'IDEOLOGY' })),
    },
    study: {
      centralGroup: none,
      studySeminars: {
        ...count(5, drill('/api/study-sessions', { kind: 'SEMINAR', topicGroup: 'STUDY' })),
        topics: [
          '中心组专题学习研讨：学习贯彻党的创新理论',
          '中心组专题学习研讨：全面从严治党',
          '中心组专题学习研讨：党史学习教育',
          '中心组专题学习研讨：全面从严治党',
          '中心组专题学习研讨：基层治理与为民服务',
        ],
      },
      branchStudy: count(72),
      cadreTraining: none,
    },
    publicity: {
      activities: {
        ...count(73),
        parts: [
          { key: 'RED_SONGS', label: '红色歌曲大家唱', ...count(12) },
          { key: 'THEME_PARTY_DAY', label: '主题党日', ...count(25) },
          { key: 'OTHER', label: '其他', ...count(0) },
        ],
      },
      items: { ...count(3), parts: [{ key: 'CITY', label: '市级媒体', ...count(1) }] },
    },
    positions: {
      riskPoints: { ...count(7), types: ['微信公众号', '活动场所', '微信群', '宣传栏'] },
      checks: count(7),
      alerts: {
        registered: count(1, drill('/api/risk-alerts')),
        reported: count(1, drill('/api/risk-alerts', { dateField: 'reportedAt' })),
        reportedOnTime: count(1),
        avgReportMinutes: 380,
        closed: count(1),
      },
    },
    rectification: { closed: none },
    gaps: {
      metrics: [],
      branches: [],
      overdueTasks: { ...none, tasks: [] },
      alertsPastClock: none,
      openRectifications: { ...none, problems: [], measures: [] },
    },
    ...over,
  };
}

describe('counts in words', () => {
  it('says a count below 10 exactly', () => {
    expect(approxCount(0, '次')).toBe('0次');
    expect(approxCount(5, '次')).toBe('5次');
    expect(approxCount(9, '场次')).toBe('9场次');
  });

  it('rounds 10–99 down to the ten, with 余 when it dropped something', () => {
    expect(approxCount(73, '场次')).toBe('70余场次');
    expect(approxCount(70, '场次')).toBe('70场次');
    expect(approxCount(10, '次')).toBe('10次');
    expect(approxCount(19, '次')).toBe('10余次');
    expect(approxCount(99, '篇')).toBe('90余篇');
  });

  it('keeps two significant digits from 100 on (130余, 1200余), and speaks of 万 from 10 000', () => {
    expect(approxCount(100, '场次')).toBe('100场次');
    expect(approxCount(137, '场次')).toBe('130余场次');
    expect(approxCount(1234, '人次')).toBe('1200余人次');
    expect(approxCount(3200, '人')).toBe('3200人');
    expect(approxCount(12_345, '人次')).toBe('1.2万余人次');
    expect(approxCount(10_000, '人次')).toBe('1万人次');
    expect(approxCount(150_000, '人次')).toBe('15万人次');
  });

  it('refuses what is not a count', () => {
    expect(() => approxCount(-1)).toThrow(RangeError);
    expect(() => approxCount(Number.NaN)).toThrow(RangeError);
  });

  it('says a count against a plan exactly', () => {
    expect(exactCount(73, '场次')).toBe('73场次');
  });
});

describe('dates, durations, lists and numbering', () => {
  it('names months and dates as Chinese text does, in Shanghai time', () => {
    expect(monthName(3)).toBe('3月');
    expect(() => monthName(13)).toThrow(RangeError);
    // 16:30 UTC on 31 March is already 1 April 00:30 in Shanghai.
    expect(shanghaiMonth('2026-03-31T16:30:00Z')).toBe(4);
    expect(chineseDate('2026-07-04T16:30:00Z')).toBe('2026年7月5日');
    expect(chineseDay('2026-07-05')).toBe('2026年7月5日');
    expect(chineseDay('2026-12-31')).toBe('2026年12月31日');
  });

  it('says a duration in minutes under an hour, hours with one decimal, days beyond 72 hours', () => {
    expect(durationText(45)).toBe('45分钟');
    expect(durationText(150)).toBe('2.5小时');
    expect(durationText(120)).toBe('2小时');
    expect(durationText(380)).toBe('6.3小时');
    expect(durationText(84 * 60)).toBe('3.5天');
  });

  it('joins a list with 顿号, and ends a shortened or open list with 等', () => {
    expect(joinList(['红色歌曲大家唱', '重温入党誓词'])).toBe('红色歌曲大家唱、重温入党誓词');
    expect(joinList(['红色歌曲大家唱', '重温入党誓词'], { etc: true })).toBe('红色歌曲大家唱、重温入党誓词等');
    expect(joinList(['甲', '乙', '丙', '丁'], { max: 3 })).toBe('甲、乙、丙等');
    expect(joinList(['甲', '乙', '丙'], { max: 3 })).toBe('甲、乙、丙');
    expect(joinList([], { etc: true })).toBe('');
  });

  it('numbers headings and points in Chinese', () => {
    expect(chineseNumeral(1)).toBe('一');
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(12)).toBe('十二');
    expect(chineseNumeral(20)).toBe('二十');
    expect(chineseNumeral(99)).toBe('九十九');
    expect(headingNumber(1, 2)).toBe('二、');
    expect(headingNumber(2, 3)).toBe('（三）');
    expect(ordinalLead(4)).toBe('四是');
  });

  it('names people without their post, and seminars by their subject', () => {
    expect(personName('张卫国（工委书记）')).toBe('张卫国');
    expect(personName('李明(组织委员)')).toBe('李明');
    expect(personName('王芳')).toBe('王芳');
    expect(topicSubject('中心组专题学习研讨：全面从严治党')).toBe('全面从严治党');
    expect(topicSubject('意识形态工作专题研讨会')).toBe('意识形态工作专题研讨会');
  });
});

describe('paragraphs carry their figures', () => {
  it('puts each figure\u2019s words in the text and lists the figures in text order', () => {
    const a = { key: 'a', label: 'A', value: 73, display: '70余场次', drill: null };
    const b = { key: 'b', label: 'B', value: 1, display: '1次', drill: null };
    const p = paragraph('开展活动', a, '，研讨', b, false, null, '。');
    expect(p.text).toBe('开展活动70余场次，研讨1次。');
    expect(p.figures.map((f) => f.key)).toEqual(['a', 'b']);
  });

  it('finds two figures with the same words each in its own place, and reports figures edited away', () => {
    const one = (key: string) => ({ key, label: key, value: 1, display: '1次', drill: null });
    const p = paragraph('研讨', one('x'), '，培训', one('y'), '。');
    const { pieces, missing } = splitByFigures(p);
    expect(pieces.map((x) => [x.text, x.figure?.key ?? null])).toEqual([
      ['研讨', null],
      ['1次', 'x'],
      ['，培训', null],
      ['1次', 'y'],
      ['。', null],
    ]);
    expect(missing).toEqual([]);
    const edited = splitByFigures({ ...p, text: '研讨1次，另开展了培训。' });
    expect(edited.missing.map((f) => f.key)).toEqual(['y']);
  });

  it('numbers points with 一是, 二是', () => {
    expect(numberPoints([paragraph('甲。'), paragraph('乙。')]).map((p) => p.text)).toEqual(['一是甲。', '二是乙。']);
  });

  it('keeps only drills to lists the page can open', () => {
    expect(toSummaryDrill({ list: '/api/activities', query: { org: 'o' } })).toEqual({
      list: '/api/activities',
      query: { org: 'o' },
    });
    expect(toSummaryDrill(null)).toBeNull();
    expect(() => toSummaryDrill({ list: '/api/users', query: {} })).toThrow();
  });
});

describe('一、主要做法, sentence by sentence', () => {
  it('names the first responsible person, the members with their areas, the seminar and the milestones by month', () => {
    const texts = dutyParagraphs(facts()).map((p) => p.text);
    expect(texts).toEqual([
      '张卫国履行意识形态工作第一责任人职责，带头抓、负总责；2名班子成员落实“一岗双责”，李明分管理论学习、干部培训，王芳分管宣传思想、阵地管理、网络舆情。',
      '组织召开意识形态工作专题研讨会1次，专题研究部署意识形态工作。',
      '3月制定年度意识形态工作方案、成立意识形态工作领导小组，4月制定中心组理论学习方案和学习计划，上半年责任清单明确的工作任务已完成4项。',
    ]);
  });

  it('leaves out what the data does not have instead of writing a zero', () => {
    const f = facts();
    const bare = facts({
      duty: {
        ...f.duty,
        firstResponsible: null,
        areas: { owners: [], count: none },
        milestones: [],
        ideologySeminars: none,
      },
    });
    expect(dutyParagraphs(bare).map((p) => p.text)).toEqual(['上半年责任清单明确的工作任务已完成4项。']);
    expect(dutyParagraphs(facts({ duty: { ...bare.duty, tasksDone: none } }))).toEqual([]);
    expect(
      studyParagraphs(facts())
        .map((p) => p.text)
        .join(''),
    ).not.toMatch(/0次/);
  });

  it('counts the themed study seminars with three of their distinct subjects, and branch study as 70余次', () => {
    const [p] = studyParagraphs(facts());
    expect(p?.text).toBe(
      '开展中心组专题学习研讨5次，围绕学习贯彻党的创新理论、全面从严治党、党史学习教育等专题深入交流研讨；各支部开展集中学习70余次。',
    );
    expect(p?.figures.map((x) => [x.key, x.value])).toEqual([
      ['seminar.study', 5],
      ['study.branch', 72],
    ]);
  });

  it('speaks of 支部集中学习 without 各支部 for a branch', () => {
    const [p] = studyParagraphs(facts({ hasBranches: false }));
    expect(p?.text).toContain('；开展支部集中学习70余次。');
  });

  it('gives the activities as 70余场次 with the categories largest first (其中…), and the publicity by level', () => {
    const [activities, publicity] = publicityParagraphs(facts());
    expect(activities?.text).toBe('开展主题活动70余场次，其中主题党日20余场次、红色歌曲大家唱10余场次。');
    expect(activities?.figures[0]).toMatchObject({ key: 'activity', value: 73, display: '70余场次' });
    expect(activities?.figures.map((f) => f.key)).toEqual([
      'activity',
      'activity.THEME_PARTY_DAY',
      'activity.RED_SONGS',
    ]);
    expect(publicity?.text).toBe('在各级媒体刊发宣传报道3篇，其中市级媒体1篇。');
  });

  it('reports the 阵地 register and the sensitive items: analysed, reported, mean time to report, on time, closed', () => {
    const [points, alerts] = positionParagraphs(facts());
    expect(points?.text).toBe(
      '建立意识形态阵地台账，登记微信公众号、活动场所、微信群、宣传栏等阵地7个，按期开展排查7次。',
    );
    expect(alerts?.text).toBe(
      '加强网络舆情监测，分析研判敏感网络信息1条，报送市网信办1条，平均报送用时6.3小时，均在规定时限内报送，已处置办结1条。',
    );
    expect(alerts?.figures.find((f) => f.key === 'alert.avgReportTime')).toMatchObject({
      value: 380,
      display: '6.3小时',
    });
  });

  it('says how many were on time when not all were', () => {
    const f = facts();
    const late = facts({
      positions: {
        ...f.positions,
        alerts: { ...f.positions.alerts, reported: count(3), reportedOnTime: count(2), avgReportMinutes: null },
      },
    });
    expect(positionParagraphs(late)[1]?.text).toBe(
      '加强网络舆情监测，分析研判敏感网络信息1条，报送市网信办3条，其中按时报送2条，已处置办结1条。',
    );
  });
});

describe('二、存在的困难和问题 from the gaps, 三、下一步工作打算 from the problems', () => {
  const gapFacts = () => {
    const f = facts();
    return facts({
      gaps: {
        metrics: [
          { metric: 'CADRE_TRAINING', done: 0, target: 2, expected: 2, drill: drill('/api/study-sessions') },
          { metric: 'PUBLICITY', done: 3, target: 10, expected: 10, drill: null },
        ],
        branches: [
          {
            metric: 'ACTIVITY',
            branches: [
              { orgId: 'b1', name: '青石村党支部', done: 3, target: 6, drill: drill('/api/activities') },
              { orgId: 'b2', name: '柳湾村党支部', done: 4, target: 6, drill: null },
              { orgId: 'b3', name: '锦绣社区党支部', done: 4, target: 6, drill: null },
              { orgId: 'b4', name: '街道机关党支部', done: 5, target: 6, drill: null },
            ],
          },
        ],
        overdueTasks: { ...count(1), tasks: ['各支部每季度至少讲党课1次'] },
        alertsPastClock: count(2, drill('/api/risk-alerts', { flag: 'OVERDUE' })),
        openRectifications: {
          ...count(2),
          problems: ['部分支部意识形态工作任务和职责不够清晰', '理论学习不够深入，学用结合不紧。'],
          measures: ['细化责任清单，逐项明确责任人和完成时限', '推行“学习+研讨+实践”模式'],
        },
      },
      rectification: f.rectification,
    });
  };

  it('drafts one problem per kind of gap, with exact counts against the plan', () => {
    const texts = problemsFrom(gapFacts()).map((p) => p.paragraph.text);
    expect(texts).toEqual([
      '部分工作未完成计划：干部培训完成0次，计划2次；宣传报道完成3篇，计划10篇。',
      '支部之间工作不够平衡，青石村党支部、柳湾村党支部、锦绣社区党支部等4个支部主题活动未完成计划。',
      '部分工作任务推进滞后，责任清单中1项工作任务逾期未完成，涉及“各支部每季度至少讲党课1次”。',
      '网络舆情处置时效有待提高，2条敏感网络信息未在规定时限内报送。',
      '查摆出的问题尚未完全整改到位，2项问题正在整改中，主要是：部分支部意识形态工作任务和职责不够清晰；理论学习不够深入，学用结合不紧。',
    ]);
  });

  it('links each branch behind to its own records', () => {
    const branches = problemsFrom(gapFacts()).find((p) => p.kind === 'BRANCHES');
    expect(branches?.paragraph.figures.map((f) => [f.display, f.value])).toEqual([
      ['青石村党支部', 3],
      ['柳湾村党支部', 4],
      ['锦绣社区党支部', 4],
      ['4个支部', 4],
    ]);
    expect(branches?.paragraph.figures[0]?.drill?.list).toBe('/api/activities');
  });

  it('compares with pace, not the whole plan, while the period runs', () => {
    const f = gapFacts();
    const running = {
      ...f,
      complete: false,
      gaps: { ...f.gaps, metrics: [{ metric: 'PUBLICITY' as const, done: 3, target: 10, expected: 5, drill: null }] },
    };
    expect(problemsFrom(running)[0]?.paragraph.text).toBe(
      '部分工作进度滞后于计划：宣传报道完成3篇，按进度应完成5篇（计划10篇）。',
    );
    expect(problemsFrom(running)[1]?.paragraph.text).toContain('主题活动进度滞后');
  });

  it('suggests a next step for each problem, in the same order, and always ends with the standing one', () => {
    const texts = nextStepsFrom(problemsFrom(gapFacts())).map((p) => p.text);
    expect(texts).toEqual([
      '对照计划补齐短板，制定干部意识形态工作培训计划，定期组织集中培训；拓宽宣传渠道，加大向各级媒体投稿力度。',
      '加强分类指导，对青石村党支部、柳湾村党支部、锦绣社区党支部等工作滞后的支部加强督促指导，推动各支部工作均衡发展。',
      '对逾期未完成的1项工作任务逐项督办，明确完成时限，确保按期办结。',
      '严格执行舆情分级报送时限，做到早发现、早研判、早报送、早处置。',
      '持续抓好2项问题整改，细化责任清单，逐项明确责任人和完成时限；推行“学习+研讨+实践”模式，做到整改一项、销号一项。',
      STANDING_NEXT_STEP,
    ]);
  });

  it('names the compared children by their level on a 区 (街道（乡镇）, not 支部)', () => {
    const district = { ...gapFacts(), childUnit: '街道（乡镇）' };
    const branches = problemsFrom(district).find((p) => p.kind === 'BRANCHES');
    expect(branches?.paragraph.text.startsWith('街道（乡镇）之间工作不够平衡，')).toBe(true);
    expect(branches?.paragraph.figures.at(-1)?.display).toBe('4个街道（乡镇）');
    const step = nextStepsFrom(problemsFrom(district)).find((p) => p.text.startsWith('加强分类指导'));
    expect(step?.text).toContain('工作滞后的街道（乡镇）加强督促指导，推动各街道（乡镇）工作均衡发展。');
  });

  it('says so when the data shows no gap, and still plans the standing next step', () => {
    const content = buildSummary(facts());
    const problems = content.sections.find((s) => s.heading === '二、存在的困难和问题');
    expect(problems?.paragraphs.map((p) => p.text)).toEqual([NO_PROBLEMS_TEXT]);
    const next = content.sections.find((s) => s.heading === '三、下一步工作打算');
    expect(next?.paragraphs.map((p) => p.text)).toEqual([`一是${STANDING_NEXT_STEP}`]);
  });
});

describe('the whole draft', () => {
  it('has the source summary\u2019s structure: title, opening, 一 with numbered areas, 二, 三, sign-off', () => {
    const content = buildSummary(facts());
    expect(SummaryContentSchema.parse(content)).toEqual(content);
    expect(content.title).toBe(summaryTitle('城南街道党工委', '2026年上半年'));
    expect(content.title).toBe('城南街道党工委\n2026年上半年意识形态工作总结');
    expect(content.intro[0]?.text).toMatch(
      /^2026年上半年，城南街道党工委认真落实意识形态工作责任制.*现将有关情况总结如下。$/,
    );
    expect(content.sections.map((s) => [s.level, s.heading])).toEqual([
      [1, '一、主要做法'],
      [2, '（一）健全工作机制，压实工作责任'],
      [2, '（二）加强理论武装，抓实理论学习'],
      [2, '（三）创新宣传方式，营造浓厚氛围'],
      [2, '（四）加强阵地管理，防范化解风险'],
      [1, '二、存在的困难和问题'],
      [1, '三、下一步工作打算'],
    ]);
    expect(content.signOff).toEqual({ org: '城南街道党工委', date: '2026-07-05' });
  });

  it('renumbers the areas when one has no data', () => {
    const f = facts();
    const content = buildSummary(
      facts({
        study: { centralGroup: none, studySeminars: { ...none, topics: [] }, branchStudy: none, cadreTraining: none },
      }),
    );
    expect(content.sections.filter((s) => s.level === 2).map((s) => s.heading)).toEqual([
      '（一）健全工作机制，压实工作责任',
      '（二）创新宣传方式，营造浓厚氛围',
      '（三）加强阵地管理，防范化解风险',
    ]);
    expect(f.study.studySeminars.value).toBe(5);
  });

  it('quotes every figure with its exact value and its words in the text', () => {
    const content = buildSummary(facts());
    const figures = allFigures(content);
    expect(figures.find((x) => x.key === 'activity')).toMatchObject({ value: 73, display: '70余场次' });
    expect(figures.find((x) => x.key === 'seminar.ideology')).toMatchObject({ value: 1, display: '1次' });
    expect(figures.find((x) => x.key === 'seminar.study')).toMatchObject({ value: 5, display: '5次' });
    expect(figures.find((x) => x.key === 'alert.reported')).toMatchObject({ value: 1, display: '1条' });
    for (const p of [...content.intro, ...content.sections.flatMap((s) => s.paragraphs)]) {
      expect(splitByFigures(p).missing).toEqual([]);
    }
  });
});

describe('落款 layout (GB/T 9704 §7.3.5)', () => {
  it('measures CJK as one character and digits as half', () => {
    expect(bodyCharacterWidth('2026年7月10日')).toBe(3 + 7 * 0.5);
    expect(bodyCharacterWidth('中共城南街道工作委员会')).toBe(11);
  });

  it('puts the date four characters in and centres the 署名 over it', () => {
    // A short name over a longer date: both centres meet.
    const short = signOffIndents('城南街道', '2026年7月10日');
    expect(short.date).toBe(4);
    expect(short.org + 4 / 2).toBe(short.date + 6.5 / 2);
    // A name wider than the date stands out on both sides, centred all the same.
    const long = signOffIndents('中共城南街道工作委员会', '2026年7月10日');
    expect(long.org + 11 / 2).toBe(long.date + 6.5 / 2);
    // One wider than it has room for stops at the margin.
    expect(signOffIndents('中共某某市某某区某某街道工作委员会办公室', '2026年7月10日').org).toBe(0);
    // Without a date the name takes the date's place.
    expect(signOffIndents('城南街道', '')).toEqual({ org: 4, date: 4 });
  });
});
