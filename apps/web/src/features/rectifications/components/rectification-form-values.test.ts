import type { Rectification } from '@dutyboard/contracts/rectifications';
import { describe, expect, it } from 'vitest';
import { pickerDay } from '../../../lib/dates.ts';
import {
  changedRectificationFields,
  checkRectificationValues,
  newRectificationValues,
  rectificationToValues,
  valuesToInput,
} from './rectification-form-values.ts';

const ORG = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ALERT = '0f8fad5b-d9cb-469f-a165-70867728950e';

const stored: Rectification = {
  id: '9b2f1c4e-3a5d-4e6f-8a7b-1c2d3e4f5a6b',
  version: 3,
  orgId: ORG,
  orgName: '东山村党支部',
  problem: '宣传阵地覆盖不足',
  source: 'ALERT',
  measure: null,
  ownerName: '李明',
  deadline: '2026-06-30',
  deadlineAt: '2026-06-30T15:59:59.999Z',
  status: 'IN_PROGRESS',
  overdue: false,
  closedAt: null,
  closingNote: null,
  alertId: ALERT,
  riskPointCheckId: null,
  accountabilityId: null,
  alert: { id: ALERT, summary: '微信群不实信息', state: 'HANDLING', registeredAt: '2026-04-01T02:00:00.000Z' },
  findingRef: null,
  reportDraftId: null,
  createdAt: '2026-04-02T02:00:00.000Z',
  updatedAt: '2026-04-03T02:00:00.000Z',
};

describe('rectification form values', () => {
  it('builds the body: trimmed texts, blanks as null, the deadline as a Shanghai day', () => {
    expect(
      valuesToInput({
        orgId: ORG,
        source: 'SELF_CHECK',
        problem: '  学习不深入 ',
        measure: '  ',
        ownerName: ' 王芳 ',
        deadline: pickerDay('2026-09-30'),
      }),
    ).toEqual({
      orgId: ORG,
      source: 'SELF_CHECK',
      problem: '学习不深入',
      measure: null,
      ownerName: '王芳',
      deadline: '2026-09-30',
      alertId: null,
      findingRef: null,
    });
  });

  it('keeps the alert only for an alert source and the finding only for an audit source', () => {
    const base = { orgId: ORG, problem: 'x', alertId: ALERT, findingRef: '督查第3条' };
    expect(valuesToInput({ ...base, source: 'ALERT' })).toMatchObject({ alertId: ALERT, findingRef: null });
    expect(valuesToInput({ ...base, source: 'AUDIT' })).toMatchObject({ alertId: null, findingRef: '督查第3条' });
    expect(valuesToInput({ ...base, source: 'SELF_CHECK' })).toMatchObject({ alertId: null, findingRef: null });
  });

  it('checks with the contract: an audit without its finding is an issue on findingRef', () => {
    const checked = checkRectificationValues({ orgId: ORG, source: 'AUDIT', problem: '培训不规范' });
    expect(checked).toEqual({
      issues: [{ field: 'findingRef', code: 'custom', message: '问题来源为督查时，须填写督查发现的问题编号或出处' }],
    });
  });

  it('a link from an alert preselects the alert source', () => {
    expect(newRectificationValues(ORG, ALERT)).toEqual({ orgId: ORG, source: 'ALERT', alertId: ALERT });
    expect(newRectificationValues(ORG)).toEqual({ orgId: ORG, source: 'SELF_CHECK' });
  });

  it('sends only what changed, the status included', () => {
    const values = rectificationToValues(stored);
    const checked = checkRectificationValues(values);
    if (!('input' in checked)) throw new Error('stored values should pass');
    expect(changedRectificationFields(checked.input, values.status, stored)).toEqual({});
    const edited = checkRectificationValues({ ...values, measure: '逐项整改', deadline: null });
    if (!('input' in edited)) throw new Error('edited values should pass');
    expect(changedRectificationFields(edited.input, 'OPEN', stored)).toEqual({
      measure: '逐项整改',
      deadline: null,
      status: 'OPEN',
    });
  });
});
