// The `total` of a list page (contracts/common pageSchema): how many rows the whole list holds,
// counted over the very where-clause the page reads — the caller's reach and every filter — so
// "共 N 条" and the rows walked through all pages cannot disagree. Counted once, with the first
// page (no cursor); the pages after it answer null. keyset.ts pages, this counts beside it.

/** A page and its list's total: the page query and the count run side by side. */
export async function countedPage<Page extends { items: unknown[]; nextCursor: string | null }>(
  params: { cursor?: string | undefined },
  page: () => Promise<Page>,
  count: () => Promise<number>,
): Promise<Page & { total: number | null }> {
  const [answer, total] = await Promise.all([page(), params.cursor ? null : count()]);
  return { ...answer, total };
}
