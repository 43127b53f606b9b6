import { ORG_KIND_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit, UpdateOrgInput } from '@dutyboard/contracts/orgs';
import { Form, Typography } from 'antd';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useUpdateOrg } from '../api/save-org.ts';
import { OrgCodeField, OrgNameField, OrgSortOrderField } from './org-fields.tsx';
import { checkEdit, ORG_FIELDS, type OrgFormValues } from './org-form-values.ts';

/** Name, code and order; the type and the parent stay (records and paths hang on the tree). */
export function OrgEditModal({ org, parent, ...dialog }: DialogProps & { org: OrgUnit; parent: OrgUnit | undefined }) {
  const { t, nameOf } = useI18n();
  const [form] = Form.useForm<OrgFormValues>();
  const update = useUpdateOrg();
  const kind = nameOf(ORG_KIND_LABELS, org.kind);

  return (
    <SubmitModal
      {...dialog}
      title={t('orgs.editTitle', { name: org.name })}
      form={form}
      name="org_edit"
      initialValues={{ name: org.name, code: org.code, sortOrder: org.sortOrder }}
      okText={t('form.save')}
      testId="org-edit-form"
      fields={ORG_FIELDS}
      check={(values: OrgFormValues) => checkEdit(values, org)}
      save={(input: UpdateOrgInput) => update.mutateAsync({ id: org.id, input })}
      saving={update.isPending}
      success={() => t('form.saved')}
      conflict="orgs.codeTaken"
    >
      <Typography.Paragraph type="secondary" data-testid="org-placement">
        {parent ? t('orgs.placement', { kind, parent: parent.name }) : t('orgs.placementRoot', { kind })}
      </Typography.Paragraph>
      <OrgNameField />
      <OrgCodeField />
      <OrgSortOrderField />
    </SubmitModal>
  );
}
