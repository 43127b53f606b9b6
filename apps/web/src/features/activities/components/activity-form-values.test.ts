import type { Activity } from '@dutyboard/contracts/activities';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { pickerDay, pickerTime } from '../../../lib/dates.ts';
import { fieldIssueText } from '../../../lib/form-issues.ts';
import {
  ACTIVITY_FIELDS,
  activityToValues,
  changedActivityFields,
  checkActivityValues,
  valuesToInput,
  withFormFields,
} from './activity-form-values.ts';

const stored: Activity = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 3,
  orgId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  orgName: '东山村党支部',
  category: 'THEME_PARTY_DAY',
  title: '11月主题党日',
  occurredAt: '2026-03-15T01:00:00.000Z',
  timeKnown: true,
  location: null,
  participants: 18,
  description: null,
  createdAt: '2026-03-15T12:00:00.000Z',
  updatedAt: '2026-03-15T12:00:00.000Z',
};

describe('activity form values', () => {
  it('builds the body: Shanghai instant, trimmed texts, empty optional texts as null', () => {
    expect(
      valuesToInput({
        orgId: stored.orgId,
        category: 'VOLUNTEER',
        title: ' 志愿服务 ',
        date: pickerDay('2026-03-15'),
        time: pickerTime('19:00'),
        participants: 12,
        location: '  ',
        description: ' 清扫 ',
      }),
    ).toEqual({
      orgId: stored.orgId,
      category: 'VOLUNTEER',
      title: '志愿服务',
      occurredAt: '2026-03-15T19:00:00+08:00',
      participants: 12,
      location: null,
      description: '清扫',
    });
  });

  it('round-trips a stored record to the form and sends no change for it', () => {
    const checked = checkActivityValues(activityToValues(stored));
    if (!('input' in checked)) throw new Error('expected valid values');
    expect(changedActivityFields(checked.input, stored)).toEqual({});
    expect(changedActivityFields({ ...checked.input, participants: 20 }, stored)).toEqual({ participants: 20 });
  });

  it('opens an imported date-only record with an empty time box and keeps it date-only until a time is given', () => {
    // 2026-03-15 0:00 in Shanghai, as the importer stores a day without a time.
    const dateOnly: Activity = { ...stored, occurredAt: '2026-03-14T16:00:00.000Z', timeKnown: false };
    const values = activityToValues(dateOnly);
    expect(values.time).toBeNull();
    const untouched = checkActivityValues(values);
    if (!('input' in untouched)) throw new Error('expected valid values');
    // Saving another change neither moves the day to 09:00 nor calls the time known.
    expect(changedActivityFields({ ...untouched.input, participants: 20 }, dateOnly)).toEqual({ participants: 20 });
    // A new day with the time box still empty stays date-only.
    const moved = checkActivityValues({ ...values, date: pickerDay('2026-03-16') });
    if (!('input' in moved)) throw new Error('expected valid values');
    expect(changedActivityFields(moved.input, dateOnly)).toEqual({
      occurredAt: '2026-03-16T00:00:00+08:00',
      timeKnown: false,
    });
    // A time filled in is sent, and the server takes it as known.
    const timed = checkActivityValues({ ...values, time: pickerTime('19:30') });
    if (!('input' in timed)) throw new Error('expected valid values');
    expect(changedActivityFields(timed.input, dateOnly)).toEqual({ occurredAt: '2026-03-15T19:30:00+08:00' });
  });

  it('names issues after the form fields and says them in words', () => {
    const checked = checkActivityValues({ ...activityToValues(stored), date: null, participants: 0, title: ' ' });
    if (!('issues' in checked)) throw new Error('expected issues');
    expect(checked.issues.map((i) => [i.field, i.code]).sort()).toEqual([
      ['date', 'invalid_type'],
      ['participants', 'too_small'],
      ['title', 'too_small'],
    ]);
    const t = (key: string, values?: Record<string, unknown>) => `${key}${JSON.stringify(values ?? {})}`;
    const participants = checked.issues.find((i) => i.field === 'participants');
    if (!participants) throw new Error('expected a participants issue');
    expect(fieldIssueText(ACTIVITY_FIELDS.participants, participants, t as never, 'zh')).toBe(
      'validation.min{"field":"form.participants{}","min":1}',
    );
  });

  it("renames the server's occurredAt issue to the date field", () => {
    const error = withFormFields(
      new ApiError(400, 'VALIDATION_FAILED', 'x', [{ field: 'occurredAt', code: 'invalid_format', message: 'm' }]),
    );
    expect((error as ApiError).fields).toEqual([{ field: 'date', code: 'invalid_format', message: 'm' }]);
  });
});
