// From the figure registry (contracts/figures.ts) to the records themselves: the Prisma filter a
// list applies for `figure=` (the drill of a figure that no single kind/category filter expresses,
// e.g. 中心组理论学习 = kind CENTRAL_GROUP, or SEMINAR on a study topic). It is derived from the
// same parts the rollups count, field by field (FIGURE_SOURCES.fields), so a figure's drill list
// and its count cannot diverge; apps/api/test/rollups.test.ts compares the two for every figure.
import { FIGURES, type Parts, partClauses, type RolledFigure, type RollupSource } from '@dutyboard/contracts/figures';

/** The records of a selection of a source's parts, as a where clause on the source's table. */
export function partsWhere(source: RollupSource, parts: Parts): { OR: Record<string, string>[] } {
  const clauses = partClauses(source, parts);
  if (!clauses) throw new Error(`the parts of ${source} are not record fields`);
  return { OR: clauses };
}

/** The records a figure counts, as a where clause on its source's table (fields: see FIGURE_SOURCES). */
export function figureWhere(figure: RolledFigure): { OR: Record<string, string>[] } {
  return partsWhere(FIGURES[figure].source, FIGURES[figure].parts);
}

/** A value for a LIKE pattern, its wildcards taken literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
