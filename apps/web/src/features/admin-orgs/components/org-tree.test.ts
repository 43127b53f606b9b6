import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { describe, expect, it } from 'vitest';
import { orgTree, parentIds } from './org-tree.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const org = (n: number, parent: number | null, kind: OrgUnit['kind'] = 'VILLAGE_BRANCH'): OrgUnit => ({
  id: id(n),
  code: `C${n}`,
  name: `org ${n}`,
  kind,
  parentId: parent === null ? null : id(parent),
  sortOrder: n,
});

describe('orgTree', () => {
  it('puts each org under its parent, keeping list order', () => {
    const tree = orgTree([org(1, null, 'STREET_COMMITTEE'), org(2, 1), org(3, 1), org(4, 2)]);
    expect(tree.map((r) => r.code)).toEqual(['C1']);
    expect(tree[0]?.children?.map((r) => r.code)).toEqual(['C2', 'C3']);
    expect(tree[0]?.children?.[0]?.children?.map((r) => r.code)).toEqual(['C4']);
  });

  it('leaves no children array on a leaf', () => {
    const tree = orgTree([org(1, null, 'STREET_COMMITTEE'), org(2, 1)]);
    expect(tree[0]?.children?.[0]).not.toHaveProperty('children');
  });

  it('treats an org whose parent is not listed as a root', () => {
    expect(orgTree([org(2, 1), org(3, 2)]).map((r) => r.code)).toEqual(['C2']);
  });

  it('names the orgs that have children', () => {
    expect(parentIds([org(1, null, 'STREET_COMMITTEE'), org(2, 1), org(3, 1), org(4, 2)]).sort()).toEqual(
      [id(1), id(2)].sort(),
    );
  });
});
