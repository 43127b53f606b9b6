// 办结: the closing note of a task without a rule (its evidence is already attached).
import {
  ASSIGNMENT_CLOSING_NOTE_MAX,
  type Assignment,
  type CloseAssignmentInput,
  CloseAssignmentInputSchema,
} from '@dutyboard/contracts/assignments';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { type FieldSpecs, fieldInSentence, issuesOf } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { type Checked, useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useCloseAssignment } from '../api/assignments.ts';

interface CloseValues {
  closingNote?: string;
}

const CLOSE_FIELDS: FieldSpecs<'closingNote'> = {
  closingNote: { label: 'assignments.closingNote', max: ASSIGNMENT_CLOSING_NOTE_MAX },
};

function checkClose(values: CloseValues): Checked<CloseAssignmentInput> {
  const parsed = CloseAssignmentInputSchema.safeParse({ closingNote: values.closingNote?.trim() ?? '' });
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}

interface CloseModalProps {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  assignment: Assignment;
}

export function CloseModal({ open, onClose, afterClose, assignment }: CloseModalProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseAssignment(assignment.id, assignment.version);
  const [key] = useState(randomUuid);
  const named = fieldInSentence(CLOSE_FIELDS.closingNote, t, lang);
  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: CLOSE_FIELDS,
    check: checkClose,
    save: (input) => close.mutateAsync({ input, key }),
    saving: close.isPending,
    success: () => t('assignments.closed'),
    onDone: onClose,
  });
  return (
    <FormModal<CloseValues>
      open={open}
      title={t('assignments.closeTitle')}
      form={form}
      name="assignment_close"
      okText={t('assignments.close')}
      saving={close.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="assignment-close-form"
    >
      <Form.Item
        label={t('assignments.closingNote')}
        name="closingNote"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named }) },
          {
            max: ASSIGNMENT_CLOSING_NOTE_MAX,
            message: t('validation.maxLength', { field: named, max: ASSIGNMENT_CLOSING_NOTE_MAX }),
          },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={ASSIGNMENT_CLOSING_NOTE_MAX}
          placeholder={t('assignments.closeNotePlaceholder')}
          data-testid="assignment-closing-note"
        />
      </Form.Item>
    </FormModal>
  );
}
