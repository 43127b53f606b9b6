// The flat org list (parents before children, siblings in display order) as the nested rows of
// a tree table.
import type { OrgUnit } from '@dutyboard/contracts/orgs';

export interface OrgTreeRow extends OrgUnit {
  /** Absent on a leaf, so the table shows no expand button there. */
  children?: OrgTreeRow[];
}

/** Roots first; each org under its parent in list order. An org whose parent is not in the list is a root. */
export function orgTree(orgs: OrgUnit[]): OrgTreeRow[] {
  const rows = new Map<string, OrgTreeRow>(orgs.map((org) => [org.id, { ...org }]));
  const roots: OrgTreeRow[] = [];
  for (const org of orgs) {
    const row = rows.get(org.id) as OrgTreeRow;
    const parent = org.parentId ? rows.get(org.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  return roots;
}

/** Ids of the rows that have children (the ones a tree table can expand). */
export function parentIds(orgs: OrgUnit[]): string[] {
  const ids = new Set(orgs.map((org) => org.id));
  return [...new Set(orgs.flatMap((org) => (org.parentId && ids.has(org.parentId) ? [org.parentId] : [])))];
}
