// A form's fields in the user's language: labels, names inside sentences, and the rules derived
// from the contract (lib/zod-rules.ts), so no form types a limit or a message again.
import type { FormItemProps } from 'antd';
import type { FieldSpecs } from './form-issues.ts';
import { fieldInSentence } from './form-issues.ts';
import { useI18n } from './i18n-provider.tsx';
import { fieldRules, type RuleOptions } from './zod-rules.ts';

export function useFormFields<F extends string>(fields: FieldSpecs<F>) {
  const { t, lang } = useI18n();
  const rules = (field: F, options?: RuleOptions) => fieldRules(fields[field], t, lang, options);
  return {
    label: (field: F) => t(fields[field].label),
    named: (field: F) => fieldInSentence(fields[field], t, lang),
    rules,
    /** The contract's maximum: characters of typed text, or the largest number. */
    max: (field: F) => fields[field].max,
    min: (field: F) => fields[field].min,
    /** A Form.Item's label, name and rules. */
    item: (field: F, options?: RuleOptions): FormItemProps => ({
      label: t(fields[field].label),
      name: field,
      rules: rules(field, options),
    }),
  };
}

export type FormFields<F extends string> = ReturnType<typeof useFormFields<F>>;
