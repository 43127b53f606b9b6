// A draft kept when a save met an ended session (lib/session-end.ts) comes back as the form left
// it: a date-only record's draft stays date-only, so saving it after signing in again does not
// turn it into a record timed at 00:00 (or 09:00).
import type { Activity } from '@dutyboard/contracts/activities';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pickerTime } from '../../../lib/dates.ts';
import { activityDraft } from './activity-draft.ts';
import { activityToValues, changedActivityFields, checkActivityValues } from './activity-form-values.ts';

/** A Map-backed sessionStorage: the unit project runs in Node, which has none. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

// 2026-03-15 0:00 in Shanghai, as the importer stores a day without a time.
const dateOnly: Activity = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 3,
  orgId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  orgName: '东山村党支部',
  category: 'THEME_PARTY_DAY',
  title: '3月主题党日',
  occurredAt: '2026-03-14T16:00:00.000Z',
  timeKnown: false,
  location: null,
  participants: 18,
  description: null,
  createdAt: '2026-03-15T12:00:00.000Z',
  updatedAt: '2026-03-15T12:00:00.000Z',
};

describe('the activity draft of a date-only record', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('restores date-only and saves the edit without a time', () => {
    const key = activityDraft.key('user-1', dateOnly.id);
    activityDraft.save(key, { ...activityToValues(dateOnly), participants: 20 });
    const restored = activityDraft.load(key);
    if (!restored) throw new Error('expected a draft');
    expect(restored.dateOnly).toBe(true);
    expect(restored.time).toBeNull();
    const checked = checkActivityValues(restored);
    if (!('input' in checked)) throw new Error('expected valid values');
    expect(changedActivityFields(checked.input, dateOnly)).toEqual({ participants: 20 });
  });

  it('a time typed before the session ended is kept and makes it timed', () => {
    const key = activityDraft.key('user-1', dateOnly.id);
    activityDraft.save(key, { ...activityToValues(dateOnly), time: pickerTime('19:30') });
    const restored = activityDraft.load(key);
    if (!restored) throw new Error('expected a draft');
    const checked = checkActivityValues(restored);
    if (!('input' in checked)) throw new Error('expected valid values');
    expect(changedActivityFields(checked.input, dateOnly)).toEqual({ occurredAt: '2026-03-15T19:30:00+08:00' });
  });

  it('a timed record’s draft never becomes date-only', () => {
    const key = activityDraft.key('user-1', 'new');
    const { dateOnly: _, ...timed } = activityToValues({ ...dateOnly, timeKnown: true });
    activityDraft.save(key, { ...timed, time: null });
    const restored = activityDraft.load(key);
    expect(restored?.dateOnly).toBeUndefined();
    const checked = restored && checkActivityValues(restored);
    if (!checked || !('input' in checked)) throw new Error('expected valid values');
    expect(checked.input).not.toHaveProperty('timeKnown');
  });
});
