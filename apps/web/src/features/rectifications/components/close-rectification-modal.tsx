// 整改完成: the closing note in a dialog; the server refuses (409) while the record has no evidence.
import {
  type CloseRectificationInput,
  CloseRectificationInputSchema,
  RECTIFICATION_CLOSING_NOTE_MAX,
  type Rectification,
} from '@dutyboard/contracts/rectifications';
import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useCloseRectification } from '../api/save-rectification.ts';

interface CloseValues {
  closingNote?: string;
}

const CLOSE_FIELDS: FieldSpecs<'closingNote'> = {
  closingNote: { label: 'rectifications.closingNote', max: RECTIFICATION_CLOSING_NOTE_MAX },
};

export function CloseRectificationModal({
  item,
  open,
  onClose,
}: {
  item: Rectification;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CloseValues>();
  // One key per dialog opening: a retry after a lost answer gets the first answer back.
  const [idempotencyKey] = useState(randomUuid);
  const close = useCloseRectification(item.id, item.version);

  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: CLOSE_FIELDS,
    check: (values: CloseValues) => {
      const parsed = CloseRectificationInputSchema.safeParse({ closingNote: values.closingNote ?? '' });
      return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
    },
    save: (input: CloseRectificationInput) => close.mutateAsync({ input, idempotencyKey }),
    saving: close.isPending,
    success: () => t('rectifications.closed'),
    onDone: onClose,
    conflict: 'rectifications.closeConflict',
  });

  return (
    <FormModal<CloseValues>
      open={open}
      title={t('rectifications.closeTitle')}
      form={form}
      name="rectification_close"
      okText={t('rectifications.closeOk')}
      saving={close.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      testId="rectification-close-form"
    >
      <Typography.Paragraph type="secondary">{t('rectifications.closeHint')}</Typography.Paragraph>
      <Form.Item
        label={t('rectifications.closingNote')}
        name="closingNote"
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('validation.required', { field: t('rectifications.closingNote') }),
          },
          {
            max: RECTIFICATION_CLOSING_NOTE_MAX,
            message: t('validation.maxLength', {
              field: t('rectifications.closingNote'),
              max: RECTIFICATION_CLOSING_NOTE_MAX,
            }),
          },
        ]}
      >
        <Input.TextArea
          maxLength={RECTIFICATION_CLOSING_NOTE_MAX}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('rectifications.closingNotePlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}
