// The submit flow every admin dialog shares: check the values with the contract, put issues on
// the fields, skip a save that changes nothing, save, then say so — or show why it failed, with
// what was typed left in place.
import type { FieldIssue } from '@dutyboard/contracts/errors';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { type FieldSpecs, saveErrorText, showFieldIssues } from './form-issues.ts';
import type { MessageKey } from './i18n.ts';
import { useI18n } from './i18n-provider.tsx';

/** A form's values checked against a contract: the input to send, or what is wrong. */
export type Checked<T> = { input: T } | { issues: FieldIssue[] };

export interface DialogSubmitOptions<F extends string, V, I, R> {
  // biome-ignore lint/suspicious/noExplicitAny: only setFields and scrollToField are used
  form: FormInstance<any>;
  fields: FieldSpecs<F>;
  check: (values: V) => Checked<I> | { unchanged: true };
  /** Sends the input (a mutation's mutateAsync). */
  save: (input: I) => Promise<R>;
  saving: boolean;
  success: (result: R) => string;
  onDone: () => void;
  /** What a 409 means here, for English (Chinese shows the server's own sentence). */
  conflict?: MessageKey;
}

export function useDialogSubmit<F extends string, V, I, R>(options: DialogSubmitOptions<F, V, I, R>) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { form, fields } = options;

  const onSubmit = (values: V) => {
    if (options.saving) return;
    setError(null);
    const checked = options.check(values);
    if ('unchanged' in checked) {
      void message.info(t('form.noChanges'));
      options.onDone();
      return;
    }
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, fields, checked.issues, t, lang);
      setError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    options.save(checked.input).then(
      (result) => {
        void message.success(options.success(result));
        options.onDone();
      },
      (failure: unknown) => setError(saveErrorText(form, fields, failure, t, lang, options.conflict)),
    );
  };

  return { error, onSubmit };
}
