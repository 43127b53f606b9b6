// The colour of a return's state tag (antd Tag colours), beside its label (labels.ts).
import type { ReturnState } from '@dutyboard/contracts/assessment-campaigns';

export const RETURN_STATE_COLOR: Readonly<Record<ReturnState, string>> = {
  NOT_STARTED: 'default',
  SELF_DRAFT: 'processing',
  SUBMITTED: 'blue',
  IN_REVIEW: 'processing',
  RETURNED: 'warning',
  REVIEWED: 'cyan',
  CONFIRMED: 'success',
};
