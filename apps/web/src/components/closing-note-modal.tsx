// A record closed with a note (整改完成, 办结): one text field, its rules from the contract's close
// schema, one Idempotency-Key per opening so a retried save closes once.

import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { randomUuid } from '../lib/api-upload.ts';
import type { MessageKey } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { checkBody } from '../lib/record-values.ts';
import { useFormFields } from '../lib/use-form-fields.ts';
import { formFields } from '../lib/zod-rules.ts';
import { type DialogProps, SubmitModal } from './form-modal.tsx';

interface CloseValues {
  closingNote?: string;
}

interface ClosingNoteModalProps<S extends z.ZodType, R> extends DialogProps {
  /** The contract's close body: `{ closingNote }`. */
  schema: S;
  save: (input: z.output<S>, idempotencyKey: string) => Promise<R>;
  saving: boolean;
  /** The words: title, OK button, the note's label and placeholder, what is said once closed. */
  text: { title: MessageKey; ok: MessageKey; label: MessageKey; placeholder: MessageKey; done: MessageKey };
  /** Said above the note. */
  hint?: MessageKey;
  /** What a 409 means here, for English. */
  conflict?: MessageKey;
  /** The form's name and test id; the note box's test id. */
  name: string;
  testId: string;
  noteTestId?: string;
}

export function ClosingNoteModal<S extends z.ZodType, R>(props: ClosingNoteModalProps<S, R>) {
  const { t } = useI18n();
  const [form] = Form.useForm<CloseValues>();
  const [idempotencyKey] = useState(randomUuid);
  const [fields] = useState(() => formFields(props.schema, { closingNote: props.text.label }));
  const { item, max } = useFormFields(fields);
  return (
    <SubmitModal
      open={props.open}
      onClose={props.onClose}
      afterClose={props.afterClose}
      title={t(props.text.title)}
      form={form}
      name={props.name}
      okText={t(props.text.ok)}
      testId={props.testId}
      fields={fields}
      check={(values: CloseValues) => checkBody(props.schema, { closingNote: values.closingNote?.trim() ?? '' })}
      save={(input: z.output<S>) => props.save(input, idempotencyKey)}
      saving={props.saving}
      success={() => t(props.text.done)}
      conflict={props.conflict}
    >
      {props.hint && <Typography.Paragraph type="secondary">{t(props.hint)}</Typography.Paragraph>}
      <Form.Item {...item('closingNote')}>
        <Input.TextArea
          maxLength={max('closingNote')}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t(props.text.placeholder)}
          data-testid={props.noteTestId}
        />
      </Form.Item>
    </SubmitModal>
  );
}
