// The 考核情况通报 (issue 18 part A, ADR 042): a 公文 drafted from a campaign's results — title,
// 主送, the campaign and how it was done, the ranking (a table of RESULT_COLUMNS), 先进 and 差距
// drawn from the scores, the items most often lost, and 下一步要求 as plain paragraphs the issuer
// edits in Word — with the issuing org and the date as 落款. Pure: every figure comes from the
// results handed in (the confirmed rows only: a 通报 reports final scores), none is typed here.
import { type CampaignResults, RESULT_COLUMNS, type ResultRow, rankRows, round2 } from './assessment-results.ts';
import { periodFromCode } from './periods.ts';
import { periodName } from './plan.ts';
import { chineseDay, headingNumber, joinList } from './summary-text.ts';

export interface NoticeSection {
  heading: string;
  paragraphs: string[];
  /** A table after the paragraphs (the ranking). */
  table?: { header: string[]; rows: string[][] };
}

export interface NoticeContent {
  /** "\n" splits the printed title lines. */
  title: string;
  /** 主送机关, ending with "：". */
  addressee: string;
  intro: string[];
  sections: NoticeSection[];
  signOff: { org: string; date: string };
}

/** How many of the items most often lost the 通报 names. */
export const NOTICE_TOP_LOST_ITEMS = 3;

const pts = (n: number) => `${round2(n)}分`;

/** The confirmed rows, ranked among themselves (a 通报 ranks final scores only). */
export function confirmedRanking(results: CampaignResults): (ResultRow & { rank: number | null })[] {
  const final = results.rows.filter((r) => r.basis === 'FINAL');
  return rankRows(final);
}

/** Items by how many confirmed units lost points on them, then by the points lost, then scheme order. */
export function mostLostItems(results: CampaignResults) {
  const finalRows = new Set(results.rows.flatMap((r, i) => (r.basis === 'FINAL' ? [i] : [])));
  return results.items
    .map((item, j) => {
      let units = 0;
      let lost = 0;
      results.matrix.forEach((scores, i) => {
        if (!finalRows.has(i)) return;
        const s = scores[j];
        if (s === null || s === undefined || s >= item.points) return;
        units += 1;
        lost += item.points - s;
      });
      return { ...item, order: j, units, lost: round2(lost) };
    })
    .filter((x) => x.units > 0)
    .sort((a, b) => b.units - a.units || b.lost - a.lost || a.order - b.order);
}

export function buildNotice(results: CampaignResults, facts: { today: string; unitNoun: string }): NoticeContent {
  const period = periodName(periodFromCode(results.periodCode));
  const ranked = confirmedRanking(results);
  const scored = ranked.filter((r): r is typeof r & { score: number } => r.score !== null);
  const pending = results.units - results.confirmed;
  const mean = scored.length > 0 ? round2(scored.reduce((n, r) => n + r.score, 0) / scored.length) : 0;

  const how = [
    `本次考核对照《${results.schemeName}》（满分${pts(results.total)}），共考核${results.units}个${facts.unitNoun}，`,
    `采取单位自评、${results.issuerName}逐项复核、领导班子确认最终得分的方式进行；可计算的指标由系统根据各单位登记的工作记录计分，评分依据可逐项追溯到记录。`,
    pending > 0
      ? `截至目前，已确认${results.confirmed}个单位的考核结果，其余${pending}个单位仍在自评或复核中，待确认后另行通报。`
      : `${results.confirmed}个单位的考核结果均已确认。`,
  ].join('');

  const order = scored.map((r) => `${r.orgName}${pts(r.score)}`);
  const resultText = [
    `经考核，各单位最终得分从高到低依次为：${order.join('，')}。`,
    `平均得分${pts(mean)}。`,
    ...scored.filter((r) => r.vetoed).map((r) => `${r.orgName}因触发一票否决项，总分计0分。`),
  ].join('');
  const table = {
    header: RESULT_COLUMNS.filter((c) => c.key !== 'basis' && c.key !== 'state').map((c) => c.label.zh),
    rows: ranked.map((r) =>
      RESULT_COLUMNS.filter((c) => c.key !== 'basis' && c.key !== 'state').map((c) => {
        const v = c.key === 'rank' ? r.rank : c.cell(r, 'zh');
        return v === null ? '—' : String(v);
      }),
    ),
  };

  const top = scored.filter((r) => r.rank === 1);
  const lowScore = scored.at(-1)?.score;
  const bottom =
    scored.length > 1 && lowScore !== undefined && lowScore < (top[0]?.score ?? 0)
      ? scored.filter((r) => r.score === lowScore)
      : [];
  const lostItems = mostLostItems(results);
  const lostOf = (r: ResultRow) => {
    const i = results.rows.findIndex((x) => x.returnId === r.returnId);
    const scores = results.matrix[i] ?? [];
    return results.items
      .map((item, j) => ({ title: item.title, lost: item.points - (scores[j] ?? item.points) }))
      .filter((x) => x.lost > 0)
      .sort((a, b) => b.lost - a.lost)
      .map((x) => `“${x.title}”`);
  };
  const merit: string[] = [];
  if (top.length > 0) {
    const names = joinList(top.map((r) => r.orgName));
    merit.push(
      `${names}得分${pts(top[0]?.score ?? 0)}，位列第一，${top.some((r) => r.pointsLost === 0) ? '各项指标均得满分，' : ''}工作扎实有效，予以通报表扬。`,
    );
  }
  for (const r of bottom) {
    const where = lostOf(r);
    merit.push(
      `${r.orgName}得分${pts(r.score ?? 0)}，失${pts(r.pointsLost ?? 0)}${where.length > 0 ? `，主要失分在${joinList(where, { max: 3 })}方面` : ''}，与先进单位存在差距。`,
    );
  }
  if (merit.length === 0) merit.push('各单位得分相同。');

  const lostParagraphs =
    lostItems.length === 0
      ? ['已确认的单位在各项指标上均未失分。']
      : [
          `失分较多的指标依次为：${lostItems
            .slice(0, NOTICE_TOP_LOST_ITEMS)
            .map((x) => `“${x.title}”（${x.units}个单位失分，共失${pts(x.lost)}）`)
            .join('；')}。`,
        ];

  const firstLost = lostItems[0];
  const next = [
    `各单位要对照本次考核的失分指标逐项查找原因，${firstLost ? `重点针对“${firstLost.title}”等方面的不足，` : ''}制定整改措施，明确责任人和完成时限。`,
    '要把意识形态工作责任制落实情况纳入日常工作，按规定及时在系统中登记工作记录，做到工作做在平时、记录随做随记，不为考核重复报送材料。',
    '（此处可补充其他要求。）',
  ];

  let n = 0;
  const heading = (text: string) => `${headingNumber(1, ++n)}${text}`;
  return {
    title: `${results.issuerName}\n关于${period}意识形态工作责任制考核情况的通报`,
    addressee: `${joinList(results.rows.map((r) => r.orgName))}：`,
    intro: [
      // The campaign's own name in brackets, unless it only says the same ("2026年度…考核").
      `为深入落实意识形态工作责任制，${results.issuerName}组织开展了${period}意识形态工作责任制考核${results.campaignName.includes('考核') ? '' : `（${results.campaignName}）`}。现将考核情况通报如下。`,
    ],
    sections: [
      { heading: heading('考核基本情况'), paragraphs: [how] },
      { heading: heading('考核结果'), paragraphs: [resultText], table },
      { heading: heading('先进与差距'), paragraphs: merit },
      { heading: heading('失分较多的指标'), paragraphs: lostParagraphs },
      { heading: heading('下一步要求'), paragraphs: next },
    ],
    signOff: { org: results.issuerName, date: facts.today },
  };
}

/** The whole text, as the test and the print check read it. */
export function noticeText(c: NoticeContent): string {
  return [
    c.title.replace('\n', ''),
    c.addressee,
    ...c.intro,
    ...c.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
    c.signOff.org,
    chineseDay(c.signOff.date),
  ].join('\n');
}
