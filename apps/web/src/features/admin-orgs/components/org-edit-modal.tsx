import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { App, Form, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { saveErrorText, showFieldIssues } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useUpdateOrg } from '../api/save-org.ts';
import type { OrgDialogProps } from './org-create-modal.tsx';
import { OrgCodeField, OrgNameField, OrgSortOrderField } from './org-fields.tsx';
import { checkEdit, ORG_FIELDS, type OrgFormValues } from './org-form-values.ts';

/** Name, code and order; the type and the parent stay (records and paths hang on the tree). */
export function OrgEditModal({
  org,
  parent,
  open,
  onClose,
  afterClose,
}: OrgDialogProps & { org: OrgUnit; parent: OrgUnit | undefined }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateOrg();
  const kind = t(`orgKind.${org.kind}`);

  const onSubmit = (values: OrgFormValues) => {
    if (update.isPending) return;
    setError(null);
    const checked = checkEdit(values, org);
    if ('unchanged' in checked) {
      void message.info(t('form.noChanges'));
      onClose();
      return;
    }
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, ORG_FIELDS, checked.issues, t, lang);
      setError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    update.mutate(
      { id: org.id, input: checked.input },
      {
        onSuccess: () => {
          void message.success(t('form.saved'));
          onClose();
        },
        onError: (failure) => setError(saveErrorText(form, ORG_FIELDS, failure, t, lang, 'orgs.codeTaken')),
      },
    );
  };

  return (
    <FormModal<OrgFormValues>
      open={open}
      title={t('orgs.editTitle', { name: org.name })}
      form={form}
      name="org_edit"
      initialValues={{ name: org.name, code: org.code, sortOrder: org.sortOrder }}
      okText={t('form.save')}
      saving={update.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="org-edit-form"
    >
      <Typography.Paragraph type="secondary" data-testid="org-placement">
        {parent ? t('orgs.placement', { kind, parent: parent.name }) : t('orgs.placementRoot', { kind })}
      </Typography.Paragraph>
      <OrgNameField />
      <OrgCodeField />
      <OrgSortOrderField />
    </FormModal>
  );
}
