import type { PublicityItem } from '@dutyboard/contracts/publicity';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { pickerDay, pickerTime } from '../../../lib/dates.ts';
import {
  changedPublicityFields,
  checkPublicityValues,
  publicityToValues,
  valuesToInput,
  withFormFields,
} from './publicity-form-values.ts';

const stored: PublicityItem = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 2,
  orgId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  orgName: '东山村党支部',
  outlet: '区融媒体中心',
  level: 'DISTRICT',
  title: '红色歌声唱响基层',
  url: null,
  publishedAt: '2026-03-15T02:00:00.000Z',
  createdAt: '2026-03-15T12:00:00.000Z',
  updatedAt: '2026-03-15T12:00:00.000Z',
};

describe('publicity form values', () => {
  it('builds the body: Shanghai instant, trimmed texts, an empty link as null', () => {
    expect(
      valuesToInput({
        orgId: stored.orgId,
        outlet: ' 市日报 ',
        level: 'CITY',
        title: ' 标题 ',
        date: pickerDay('2026-03-15'),
        time: pickerTime('19:00'),
        url: '   ',
      }),
    ).toEqual({
      orgId: stored.orgId,
      outlet: '市日报',
      level: 'CITY',
      title: '标题',
      url: null,
      publishedAt: '2026-03-15T19:00:00+08:00',
    });
  });

  it('round-trips a stored record to the form and sends no change for it', () => {
    const checked = checkPublicityValues(publicityToValues(stored));
    if (!('input' in checked)) throw new Error('expected valid values');
    expect(changedPublicityFields(checked.input, stored)).toEqual({});
  });

  it('names issues after the form fields: a bad link on url, a missing date on date', () => {
    const checked = checkPublicityValues({ ...publicityToValues(stored), url: 'ftp://x.cn/a', date: null });
    if (!('issues' in checked)) throw new Error('expected issues');
    expect(checked.issues.map((i) => [i.field, i.code]).sort()).toEqual([
      ['date', 'invalid_type'],
      ['url', 'invalid_format'],
    ]);
  });

  it("renames the server's publishedAt issue to the date field", () => {
    const error = withFormFields(
      new ApiError(400, 'VALIDATION_FAILED', 'x', [{ field: 'publishedAt', code: 'invalid_format', message: 'm' }]),
    );
    expect((error as ApiError).fields).toEqual([{ field: 'date', code: 'invalid_format', message: 'm' }]);
  });
});
