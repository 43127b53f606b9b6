// The 考核汇总表 (xlsx: the ranking, then units × items) and the 考核情况通报 (公文 DOCX) of a
// campaign, both read from campaignResults — the rows the caller reads, the columns declared once
// (contracts RESULT_COLUMNS) — and both audited as an EXPORT of the campaign before the file
// leaves (ADR 042). The 通报 is the issuer's document: a unit's people get 403.
import { buildNotice, type NoticeContent } from '@dutyboard/contracts/assessment-notice';
import { type CampaignResults, RESULT_BASIS_LABELS, RESULT_COLUMNS } from '@dutyboard/contracts/assessment-results';
import type { SchemeLevel } from '@dutyboard/contracts/assessments';
import { labelOf, ORG_LEVEL_UNIT_LABELS } from '@dutyboard/contracts/labels';
import { periodFromCode, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import type { PrismaClient } from '@dutyboard/db/client';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { shanghaiDateTime } from '../exports/columns.ts';
import type { Sheet } from '../exports/sheets.ts';
import { campaignResults } from './results.ts';

export interface ResultsFile {
  body: Buffer;
  fileName: string;
  asciiName: string;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

/** The two sheets: the ranking by RESULT_COLUMNS, and every unit's score on every item. */
export function resultsSheets(r: CampaignResults, who: string, at: Date): Sheet[] {
  const period = periodName(periodFromCode(r.periodCode));
  const lines = [
    [
      `考核细则：${r.schemeName}（满分${r.total}分）`,
      `已确认 ${r.confirmed} / ${r.units} 个单位`,
      `导出人：${who}`,
      `导出时间：${shanghaiDateTime(at.toISOString())}`,
    ].join('　'),
  ];
  const ranking: Sheet = {
    name: '排名',
    title: { text: `${r.issuerName} ${r.campaignName} 考核汇总表（${period}）`, lines },
    columns: RESULT_COLUMNS.map((c) => ({ header: c.label.zh })),
    rows: r.rows.map((row) => RESULT_COLUMNS.map((c) => c.cell(row, 'zh'))),
  };
  const matrix: Sheet = {
    name: '逐项得分',
    title: { text: `${r.issuerName} ${r.campaignName} 逐项得分（${period}）`, lines },
    columns: [
      { header: '单位' },
      { header: '得分依据' },
      ...r.items.map((i) => ({ header: `${i.category}·${i.title}（${i.points}分）`, width: 24 })),
      { header: '合计' },
    ],
    rows: r.rows.map((row, i) => [
      row.orgName,
      labelOf(RESULT_BASIS_LABELS, row.basis, 'zh'),
      ...(r.matrix[i] ?? []),
      row.score,
    ]),
  };
  return [ranking, matrix];
}

async function audit(prisma: PrismaClient, user: AuthUser, r: CampaignResults, format: string, fileName: string) {
  await recordAudit(prisma, {
    actorId: user.id,
    action: 'EXPORT',
    entityType: 'AssessmentCampaign',
    entityId: r.campaignId,
    orgId: r.issuerId,
    after: { format, rows: r.rows.length, fileName },
  });
}

export async function resultsXlsx(prisma: PrismaClient, user: AuthUser, id: string, at: Date): Promise<ResultsFile> {
  const r = await campaignResults(prisma, user, id);
  const { writeXlsx } = await import('../exports/xlsx.ts');
  const body = await writeXlsx(resultsSheets(r, user.displayName || user.username, at));
  const fileName = `${safe(r.issuerName)}-${safe(r.campaignName)}-考核汇总表-${r.periodCode}.xlsx`;
  await audit(prisma, user, r, 'xlsx', fileName);
  return { body, fileName, asciiName: `assessment-results-${r.periodCode}.xlsx` };
}

/** The 通报's words from the results (pure, contracts/assessment-notice.ts). */
export async function resultsNotice(
  prisma: PrismaClient,
  user: AuthUser,
  id: string,
  at: Date,
): Promise<{ results: CampaignResults; content: NoticeContent }> {
  const results = await campaignResults(prisma, user, id);
  if (!results.issuerSide) throw new AppError('FORBIDDEN', { key: 'campaign.issuerOnly' });
  if (results.confirmed === 0) throw new AppError('CONFLICT', { key: 'campaign.noneConfirmed' });
  const campaign = await prisma.assessmentCampaign.findUniqueOrThrow({ where: { id }, select: { schemeId: true } });
  const scheme = await prisma.assessmentScheme.findUniqueOrThrow({
    where: { id: campaign.schemeId },
    select: { level: true },
  });
  const unitNoun = labelOf(ORG_LEVEL_UNIT_LABELS, scheme.level as SchemeLevel, 'zh');
  return { results, content: buildNotice(results, { today: shanghaiLocalDate(at), unitNoun }) };
}

export async function resultsDocx(prisma: PrismaClient, user: AuthUser, id: string, at: Date): Promise<ResultsFile> {
  const { results, content } = await resultsNotice(prisma, user, id, at);
  const { gongwenDocx, FONTS } = await import('../reports/summary-docx.ts');
  const body = await gongwenDocx({
    title: content.title,
    description: '考核情况通报（公文格式，GB/T 9704-2012）',
    addressee: content.addressee,
    blocks: [
      ...content.intro.map((text) => ({ text, font: FONTS.body, heading: false })),
      ...content.sections.flatMap((s) => [
        { text: s.heading, font: FONTS.heading1, heading: true },
        ...s.paragraphs.map((text) => ({ text, font: FONTS.body, heading: false })),
        ...(s.table ? [s.table] : []),
      ]),
    ],
    signOff: content.signOff,
  });
  const fileName = `${safe(results.issuerName)}-考核情况通报-${results.periodCode}.docx`;
  await audit(prisma, user, results, 'docx', fileName);
  return { body, fileName, asciiName: `assessment-notice-${results.periodCode}.docx` };
}
