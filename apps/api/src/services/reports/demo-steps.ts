// The report service steps the demo seed writes its 专题汇报, 总结 and 报送 through (prisma/seed.ts
// takes them, as it takes the 考核 steps, so the seed does not depend on the API): the API's own
// functions, so the texts are drafted from the seeded records and the 整改 items are made by 定稿.
import { submitReport } from './report-submissions.ts';
import { finalizeSummaryDraft, saveSummaryDraft } from './summary-drafts.ts';
import { generateSummary } from './summary-facts.ts';

export const DEMO_REPORT_STEPS = {
  generate: generateSummary,
  save: saveSummaryDraft,
  finalize: finalizeSummaryDraft,
  submit: submitReport,
};
