import { describe, expect, it } from 'vitest';
import { childLevelOf, childrenOversee, rankedLevelOf } from './orgs.ts';

describe('what a level’s dashboard ranks (ADR 039)', () => {
  it('names the children by the top-most level among them', () => {
    // A 区's streets beside its 区直机关 branches: the table is the streets'.
    expect(childLevelOf(['AGENCY_BRANCH', 'STREET_COMMITTEE', 'TOWNSHIP_COMMITTEE'])).toBe('STREET');
    expect(childLevelOf(['DISTRICT_COMMITTEE', 'AGENCY_BRANCH'])).toBe('DISTRICT');
    expect(childLevelOf(['VILLAGE_BRANCH', 'COMMUNITY_BRANCH'])).toBe('BRANCH');
    expect(childLevelOf([])).toBeNull();
  });

  it('makes a 区 or 市 page an overseer’s, a street’s not', () => {
    expect(childrenOversee('STREET')).toBe(true);
    expect(childrenOversee('DISTRICT')).toBe(true);
    expect(childrenOversee('BRANCH')).toBe(false);
    expect(childrenOversee('BRANCH_GROUP')).toBe(false);
    expect(childrenOversee(null)).toBe(false);
    expect([rankedLevelOf('CITY'), rankedLevelOf('DISTRICT'), rankedLevelOf('STREET')]).toEqual([
      'DISTRICT',
      'STREET',
      'BRANCH',
    ]);
  });
});
