// What the publicity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import {
  type CreatePublicityInput,
  CreatePublicityInputSchema,
  type PublicityItem,
  type PublicityLevel,
  type UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import { datedRecordValues, type WhenValues } from '../../../lib/record-values.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface PublicityFormValues extends WhenValues {
  orgId?: string;
  outlet?: string;
  level?: PublicityLevel;
  title?: string;
  url?: string;
}

export const PUBLICITY_FIELDS = formFields(
  CreatePublicityInputSchema,
  'publicity.field',
  ['orgId', 'outlet', 'level', 'title', 'date', 'time', 'url'],
  { date: { from: 'publishedAt' }, time: { choose: true }, url: { format: 'publicity.urlFormat' } },
);

export const {
  fresh: newPublicityValues,
  toValues: publicityToValues,
  /** The create body the form describes; still to be checked with the contract schema. */
  toBody: valuesToInput,
  withFormFields,
  /** Checks the form's values with the contract's own schema (the server runs the same one). */
  check: checkPublicityValues,
  changes: changedPublicityFields,
} = datedRecordValues<PublicityFormValues, PublicityItem, CreatePublicityInput, UpdatePublicityInput>({
  schema: CreatePublicityInputSchema,
  fields: PUBLICITY_FIELDS,
  keys: ['orgId', 'outlet', 'level', 'title', 'url'],
  instant: 'publishedAt',
});
