// The migration that made saved summaries versions (20261210070000_summary_versions, ADR 033)
// turns each stored sign-off date from words into a calendar day. Its statement is run here on
// rows holding the old words: a real date becomes that day, anything else the Shanghai day the
// row was made.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const MIGRATION = path.resolve(
  import.meta.dirname,
  '../../../prisma/migrations/20261210070000_summary_versions/migration.sql',
);

/** The migration's statement that rewrites the sign-off date. */
function dateStatement(): string {
  const sql = readFileSync(MIGRATION, 'utf8');
  const start = sql.indexOf('UPDATE "ReportDraft" AS d\nSET "content"');
  const end = sql.indexOf(';', start);
  if (start < 0 || end < 0) throw new Error('the sign-off date statement is not in the migration');
  return sql.slice(start, end);
}

describe('the summary-versions migration', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('turns a sign-off date in words into its day, and other words into the Shanghai day the row was made', async () => {
    // 2026-03-31T16:30Z is already 1 April in Shanghai.
    const createdAt = new Date('2026-03-31T16:30:00Z');
    const cases = [
      ['2026年7月5日', '2026-07-05'],
      [' 2026年12月31日 ', '2026-12-31'],
      ['2026年2月30日', '2026-04-01'],
      ['2026年13月1日', '2026-04-01'],
      ['二〇二六年七月五日', '2026-04-01'],
      ['', '2026-04-01'],
    ] as const;
    const orgId = randomUUID();
    const ids: string[] = [];
    for (const [i, [words]] of cases.entries()) {
      const row = await ctx.prisma.reportDraft.create({
        data: {
          kind: 'HALF_YEAR_SUMMARY',
          periodCode: '2026-H1',
          orgId,
          title: 't',
          number: i + 1,
          createdAt,
          content: { title: 't', intro: [], sections: [], signOff: { org: '某街道', date: words } },
        },
      });
      ids.push(row.id);
    }
    await ctx.prisma.$executeRawUnsafe(dateStatement());
    const rows = await ctx.prisma.reportDraft.findMany({ where: { id: { in: ids } } });
    const dateOf = (id: string) => {
      const content = rows.find((r) => r.id === id)?.content as { signOff: { date: string } } | undefined;
      return content?.signOff.date;
    };
    expect(ids.map(dateOf)).toEqual(cases.map(([, day]) => day));
  });
});
