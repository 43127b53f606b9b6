// What the activity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema on the client or from a 400 of the server) land on the form's fields.
import {
  ACTIVITY_DESCRIPTION_MAX,
  ACTIVITY_LOCATION_MAX,
  ACTIVITY_PARTICIPANTS_MAX,
  ACTIVITY_TITLE_MAX,
  type Activity,
  type ActivityCategory,
  type CreateActivityInput,
  CreateActivityInputSchema,
  type UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import type { FieldIssue } from '@dutyboard/contracts/errors';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../../lib/api-client.ts';
import {
  DATE_FORMAT,
  pickerDay,
  pickerTime,
  shanghaiInstant,
  shanghaiParts,
  TIME_FORMAT,
  todayInShanghai,
} from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import type { Lang, MessageKey, Translate } from '../../../lib/i18n.ts';

export interface ActivityFormValues {
  orgId?: string;
  category?: ActivityCategory;
  title?: string;
  date?: Dayjs | null;
  time?: Dayjs | null;
  participants?: number | null;
  location?: string;
  description?: string;
}

export type ActivityFormField = keyof ActivityFormValues;

export const DEFAULT_TIME = '09:00';

export const FIELD_LABEL: Record<ActivityFormField, MessageKey> = {
  orgId: 'form.org',
  category: 'form.category',
  title: 'form.title',
  date: 'form.date',
  time: 'form.time',
  participants: 'form.participants',
  location: 'form.location',
  description: 'form.description',
};

const MAX_LENGTH: Partial<Record<ActivityFormField, number>> = {
  title: ACTIVITY_TITLE_MAX,
  location: ACTIVITY_LOCATION_MAX,
  description: ACTIVITY_DESCRIPTION_MAX,
};

/** A new record: today (Shanghai) at 09:00, in the given org. */
export function newActivityValues(orgId: string | undefined): ActivityFormValues {
  return { orgId, date: pickerDay(todayInShanghai()), time: pickerTime(DEFAULT_TIME) };
}

export function activityToValues(activity: Activity): ActivityFormValues {
  const { date, time } = shanghaiParts(activity.occurredAt);
  return {
    orgId: activity.orgId,
    category: activity.category,
    title: activity.title,
    date: pickerDay(date),
    time: pickerTime(time),
    participants: activity.participants,
    location: activity.location ?? '',
    description: activity.description ?? '',
  };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: ActivityFormValues): Record<keyof CreateActivityInput, unknown> {
  const date = values.date ? values.date.format(DATE_FORMAT) : null;
  const time = values.time ? values.time.format(TIME_FORMAT) : DEFAULT_TIME;
  return {
    orgId: values.orgId,
    category: values.category,
    title: values.title?.trim() ?? '',
    occurredAt: date ? shanghaiInstant(date, time) : undefined,
    participants: values.participants ?? undefined,
    location: values.location?.trim() || null,
    description: values.description?.trim() || null,
  };
}

/**
 * Checks the form's values with the contract's own schema (the server runs the same one). On
 * failure the issues are put on their fields and the returned text is for the form-level alert.
 */
export function checkValues(
  form: FormInstance<ActivityFormValues>,
  values: ActivityFormValues,
  t: Translate,
  lang: Lang,
): { input: CreateActivityInput } | { error: string | null } {
  const parsed = CreateActivityInputSchema.safeParse(valuesToInput(values));
  if (parsed.success) return { input: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), code: i.code, message: i.message }));
  const unplaced = showIssues(form, issues, t, lang);
  return { error: unplaced.length > 0 ? unplaced.join('；') : null };
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedFields(input: CreateActivityInput, original: Activity): UpdateActivityInput {
  const patch: UpdateActivityInput = {};
  if (input.orgId !== original.orgId) patch.orgId = input.orgId;
  if (input.category !== original.category) patch.category = input.category;
  if (input.title !== original.title) patch.title = input.title;
  if (Date.parse(input.occurredAt) !== Date.parse(original.occurredAt)) patch.occurredAt = input.occurredAt;
  if (input.participants !== original.participants) patch.participants = input.participants;
  if ((input.location ?? null) !== original.location) patch.location = input.location ?? null;
  if ((input.description ?? null) !== original.description) patch.description = input.description ?? null;
  return patch;
}

/** The form field an API field is shown on (occurredAt is typed as a date and a time). */
export function formFieldOf(apiField: string): ActivityFormField | null {
  const name = apiField.split('.')[0] ?? '';
  if (name === 'occurredAt') return 'date';
  return name in FIELD_LABEL ? (name as ActivityFormField) : null;
}

/** A field's label as it reads inside a sentence ("Enter title", not "Enter Title"). */
export function fieldInSentence(field: ActivityFormField, t: Translate, lang: Lang): string {
  const label = t(FIELD_LABEL[field]);
  return lang === 'en' ? label.toLowerCase() : label;
}

/** A field's issue in the user's language; unknown codes fall back to the server's words. */
export function issueMessage(field: ActivityFormField, issue: FieldIssue, t: Translate, lang: Lang): string {
  const label = fieldInSentence(field, t, lang);
  const choose = field === 'orgId' || field === 'category';
  switch (issue.code) {
    case 'too_big': {
      if (field === 'participants') return t('validation.max', { field: label, max: ACTIVITY_PARTICIPANTS_MAX });
      const max = MAX_LENGTH[field];
      return max ? t('validation.maxLength', { field: label, max }) : t('validation.invalid', { field: label });
    }
    case 'too_small':
      return field === 'participants'
        ? t('validation.min', { field: label, min: 1 })
        : t('validation.required', { field: label });
    case 'invalid_type':
    case 'invalid_value':
    case 'required':
      return t(choose ? 'validation.select' : 'validation.required', { field: label });
    case 'invalid_format':
      return t(choose ? 'validation.select' : 'validation.invalid', { field: label });
    case 'illegal_character':
      return lang === 'zh' && issue.message ? issue.message : t('validation.illegalCharacter', { field: label });
    default:
      return lang === 'zh' && issue.message ? issue.message : t('validation.invalid', { field: label });
  }
}

/**
 * Puts issues on their fields (keeping every value the user typed) and scrolls to the first.
 * Returns the issues no field shows, as text for the form-level alert.
 */
export function showIssues(
  form: FormInstance<ActivityFormValues>,
  issues: FieldIssue[],
  t: Translate,
  lang: Lang,
): string[] {
  const byField = new Map<ActivityFormField, string[]>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = formFieldOf(issue.field);
    if (!field) {
      unplaced.push(`${issue.field}: ${issue.message}`);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), issueMessage(field, issue, t, lang)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  const first = [...byField.keys()][0];
  if (first) form.scrollToField(first, { block: 'center' });
  return unplaced;
}

/** A failed save: field errors go on the form; returns the sentence for the form-level alert. */
export function saveErrorText(
  form: FormInstance<ActivityFormValues>,
  error: unknown,
  t: Translate,
  lang: Lang,
): string {
  if (isApiError(error) && error.fields.length > 0) {
    const unplaced = showIssues(form, error.fields, t, lang);
    return [errorText(error, lang, t), ...unplaced].join('；');
  }
  return errorText(error, lang, t);
}
