// The frame every record feature's "new" and "edit" pages share; each feature fills in its form,
// its checks and its words.
//
// New page: only for users allowed to write, on the orgs the API lets them reach (the one org
// locked, else the ?org= one or the user's home org), a draft of unsaved values restored with a
// notice, one Idempotency-Key per submitted body (lib/use-submission-key.ts), then "saved" and on
// to the new record's page.
//
// Edit page: the record and the orgs loaded (not found, failed, or not editable said as such),
// the form keyed by record so it starts from exactly its stored values, only the changed fields
// sent with If-Match carrying the version the form was opened on (a change made meanwhile → 412,
// which the feature may explain), then "saved" and back to the record's page.

import type { EntityType } from '@dutyboard/contracts/attachments';
import type { FieldIssue } from '@dutyboard/contracts/errors';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { Action } from '@dutyboard/contracts/permissions';
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { App, Card, Form, type FormInstance, Result } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../lib/api-client.ts';
import { can } from '../lib/auth.ts';
import { useCurrentUser } from '../lib/current-user.tsx';
import type { DraftStore } from '../lib/form-draft.ts';
import { type FieldSpecs, saveErrorText, showFieldIssues } from '../lib/form-issues.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { useOrgs } from '../lib/orgs.ts';
import { useSubmissionKey } from '../lib/use-submission-key.ts';
import { uploadEvidence } from './attachments-panel.tsx';
import { DraftNotice, type DraftNoticeText } from './draft-notice.tsx';
import { ErrorState } from './error-state.tsx';
import { PageLoading } from './page-loading.tsx';
import type { PhotoChoice } from './photo-picker.tsx';
import { ForbiddenPage } from './status-page.tsx';

/** What the frame hands a feature's form component. `E` is what the form-level alert shows. */
export interface RecordFormProps<V, E = string | null> {
  form: FormInstance<V>;
  initialValues: V;
  orgs: OrgUnit[];
  orgLocked: boolean;
  saving: boolean;
  error: E | null;
  onSubmit: (values: V) => void;
  /** A new record's photos, uploaded once it is saved (absent: the form takes none). */
  photos?: PhotoChoice;
  /** Puts the values aside as the form's draft when the user leaves with unsaved changes. */
  onLeave?: (values: V) => void;
}

/**
 * A form's values checked: the input to send, or what is wrong — as issues for the fields
 * `fields` knows, or as the text for the form-level alert (the issues already on their fields).
 */
export type CheckedValues<I> = { input: I } | { issues: FieldIssue[] } | { error: string | null };

/** The few parts of a TanStack mutation the frame uses. */
export interface FormMutation<Vars, R> {
  isPending: boolean;
  mutate: (vars: Vars, options: { onSuccess: (result: R) => void; onError: (error: Error) => void }) => void;
}

interface SharedOptions<V, I, E> {
  title: ReactNode;
  draft: DraftStore<V>;
  /** The draft notice's words (default: the shared form.* ones). */
  draftText?: DraftNoticeText;
  check: (values: V, form: FormInstance<V>) => CheckedValues<I>;
  /** The form's fields, for issues from `check` and from a failed save. */
  fields?: FieldSpecs<string>;
  /** The form-level alert for a failed save (default: saveErrorText with `fields`). */
  saveError?: (error: unknown, form: FormInstance<V>) => E;
  /** Said once the record is saved. */
  saved: string;
}

/** Runs `check` and, when it fails, puts the issues on their fields; the error is for the alert. */
function useChecker<V, I, E>(options: SharedOptions<V, I, E>) {
  const { t, lang } = useI18n();
  const check = (values: V, form: FormInstance<V>): { input: I } | { error: string | null } => {
    const checked = options.check(values, form);
    if (!('issues' in checked)) return checked;
    const unplaced = showFieldIssues(form, options.fields ?? {}, checked.issues, t, lang);
    return { error: unplaced.length > 0 ? unplaced.join('；') : null };
  };
  const saveError = (error: unknown, form: FormInstance<V>): E | string =>
    options.saveError ? options.saveError(error, form) : saveErrorText(form, options.fields ?? {}, error, t, lang);
  return { check, saveError };
}

/**
 * Reads and drops the user's draft of one form; `discard` empties every field and puts `fresh()`
 * back, so nothing of the draft stays (resetFields alone would go back to the values the form
 * opened with, which were the draft's).
 */
function useDraft<V>(store: DraftStore<V>, key: string, form: FormInstance<V>, fresh: () => V) {
  const [draft, setDraft] = useState(() => store.load(key));
  const discard = () => {
    store.clear(key);
    setDraft(null);
    form.resetFields();
    const emptied = Object.fromEntries(Object.keys(form.getFieldsValue(true) ?? {}).map((name) => [name, undefined]));
    form.setFieldsValue({ ...emptied, ...fresh() } as Parameters<FormInstance<V>['setFieldsValue']>[0]);
  };
  return { draft, discard };
}

export interface RecordNewPageProps<V extends { orgId?: string }, I, R, E = string | null>
  extends SharedOptions<V, I, E> {
  permission: Action;
  /** Shown when the user may write to no org at all. */
  noWritableOrg: ReactNode;
  /** A fresh form for the default org. */
  defaults: (orgId: string | undefined) => V;
  /** The create mutation (a hook, called once by the frame). */
  useCreate: () => FormMutation<{ input: I; idempotencyKey: string }, R>;
  /** Where the new record is shown, and what the navigation carries there. */
  detailPath: (record: R) => string;
  navigateState?: unknown;
  /** The record kind whose new records take photos in the form (uploaded once the record is saved). */
  photos?: { entityType: EntityType; id: (record: R) => string };
  renderForm: (props: RecordFormProps<V, E | string>) => ReactNode;
}

export function RecordNewPage<V extends { orgId?: string }, I, R, E = string | null>(
  props: RecordNewPageProps<V, I, R, E>,
) {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<V>();
  const [formError, setFormError] = useState<E | string | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const queryClient = useQueryClient();
  // One key for this form's submissions: a retry after a lost answer gets the first record back.
  const submissionKey = useSubmissionKey<I>();
  const key = props.draft.key(me.id);
  const allowed = can(me, props.permission);
  const orgs = useOrgs({ enabled: allowed });
  const create = props.useCreate();
  const { check, saveError } = useChecker(props);
  const defaultOrg = (): string | undefined => {
    // The orgs a user may write to are the orgs the API lets them reach.
    const writable = orgs.data?.items ?? [];
    if (writable.length === 1) return writable[0]?.id;
    const wanted = params.get('org');
    return writable.find((o) => o.id === wanted)?.id ?? writable.find((o) => o.id === me.org.id)?.id;
  };
  const { draft, discard } = useDraft(props.draft, key, form, () => props.defaults(defaultOrg()));

  if (!allowed) return <ForbiddenPage />;
  if (orgs.isPending) return <PageLoading rows={8} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;

  const writable = orgs.data.items;
  if (writable.length === 0) return <Result status="info" title={props.noWritableOrg} />;
  const locked = writable.length === 1;
  const orgId = defaultOrg();
  const initialValues = draft ? { ...draft, orgId: locked ? orgId : (draft.orgId ?? orgId) } : props.defaults(orgId);

  const onSubmit = (values: V) => {
    if (create.isPending) return;
    setFormError(null);
    props.draft.save(key, values);
    const checked = check(values, form);
    if ('error' in checked) {
      setFormError(checked.error);
      return;
    }
    create.mutate(
      { input: checked.input, idempotencyKey: submissionKey(checked.input) },
      {
        onSuccess: (record) => {
          props.draft.clear(key);
          // The record is saved: its photos upload from now on, shown on its page (retry there).
          if (props.photos) void uploadEvidence(queryClient, props.photos.entityType, props.photos.id(record), photos);
          void message.success(props.saved);
          const state = props.navigateState;
          void navigate(props.detailPath(record), state === undefined ? { replace: true } : { replace: true, state });
        },
        // Sending the same values again reuses their key: a lost answer is not saved twice.
        onError: (error) => setFormError(saveError(error, form)),
      },
    );
  };

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 18 }}>{props.title}</h1>}>
      {draft && <DraftNotice onDiscard={discard} text={props.draftText} />}
      {props.renderForm({
        form,
        initialValues,
        orgs: writable,
        orgLocked: locked,
        saving: create.isPending,
        error: formError,
        onSubmit,
        photos: props.photos && { files: photos, onChange: setPhotos },
        onLeave: (values) => props.draft.save(key, values),
      })}
    </Card>
  );
}

export interface RecordEditPageProps<T extends { id: string; version: number }, V, I, P, E = string | null>
  extends Omit<SharedOptions<V, I, E>, 'saveError'> {
  permission: Action;
  /** The record query (a hook, called once with the route's :id). */
  useRecord: (id: string) => UseQueryResult<T>;
  notFound: ReactNode;
  /** What to show instead of the form when the record may no longer be edited. */
  readOnly?: (record: T) => ReactNode;
  /** Which record (and version) the form is for: a new key starts the form again. Default: the id. */
  formKey?: (record: T) => string;
  toValues: (record: T) => V;
  /** Only the fields that differ from the stored record (PATCH sends nothing else). */
  changes: (input: I, record: T, values: V) => P;
  /** The update mutation for this record and version (a hook: If-Match carries the version). */
  useUpdate: (id: string, version: number) => FormMutation<P, unknown>;
  detailPath: (record: T) => string;
  /** Said when Save changed nothing. */
  noChanges: string;
  /** The failed save's alert (default: saveErrorText with `fields`); say, offering a reload after a 412. */
  saveError?: (error: unknown, form: FormInstance<V>, record: T) => E;
  renderForm: (props: RecordFormProps<V, E | string>, record: T) => ReactNode;
}

export function RecordEditPage<T extends { id: string; version: number }, V, I, P, E = string | null>(
  props: RecordEditPageProps<T, V, I, P, E>,
) {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const allowed = can(me, props.permission);
  const record = props.useRecord(id);
  const orgs = useOrgs({ enabled: allowed });

  if (!allowed) return <ForbiddenPage />;
  if (record.isPending || orgs.isPending) return <PageLoading rows={8} />;
  if (record.isError) {
    if (isApiError(record.error) && record.error.status === 404) return props.notFound;
    return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  }
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  const readOnly = props.readOnly?.(record.data);
  if (readOnly) return readOnly;
  // Keyed by record, so the form starts from the stored values of exactly this record.
  return (
    <EditForm
      key={props.formKey ? props.formKey(record.data) : record.data.id}
      page={props}
      record={record.data}
      orgs={orgs.data.items}
      userId={me.id}
    />
  );
}

function EditForm<T extends { id: string; version: number }, V, I, P, E>({
  page,
  record,
  orgs,
  userId,
}: {
  page: RecordEditPageProps<T, V, I, P, E>;
  record: T;
  orgs: OrgUnit[];
  userId: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<V>();
  const [formError, setFormError] = useState<E | string | null>(null);
  // If-Match carries the version this form was opened on: a change made meanwhile → 412.
  const update = page.useUpdate(record.id, record.version);
  const recordSaveError = page.saveError;
  const { check, saveError } = useChecker<V, I, E>({
    ...page,
    saveError: recordSaveError && ((error, form) => recordSaveError(error, form, record)),
  });
  const detailPath = page.detailPath(record);
  const key = page.draft.key(userId, record.id);
  const { draft, discard } = useDraft(page.draft, key, form, () => page.toValues(record));

  const onSubmit = (values: V) => {
    if (update.isPending) return;
    setFormError(null);
    const checked = check(values, form);
    if ('error' in checked) {
      setFormError(checked.error);
      return;
    }
    const patch = page.changes(checked.input, record, values);
    if (Object.keys(patch as object).length === 0) {
      page.draft.clear(key);
      void message.info(page.noChanges);
      void navigate(detailPath, { replace: true });
      return;
    }
    page.draft.save(key, values);
    update.mutate(patch, {
      onSuccess: () => {
        page.draft.clear(key);
        void message.success(page.saved);
        void navigate(detailPath, { replace: true });
      },
      onError: (error) => setFormError(saveError(error, form)),
    });
  };

  return (
    <Card
      title={<h1 style={{ margin: 0, fontSize: 18 }}>{page.title}</h1>}
      extra={<Link to={detailPath}>{t('common.cancel')}</Link>}
    >
      {draft && <DraftNotice onDiscard={discard} text={page.draftText} />}
      {page.renderForm(
        {
          form,
          initialValues: draft ?? page.toValues(record),
          orgs,
          orgLocked: orgs.length <= 1,
          saving: update.isPending,
          error: formError,
          onSubmit,
          onLeave: (values) => page.draft.save(key, values),
        },
        record,
      )}
    </Card>
  );
}
