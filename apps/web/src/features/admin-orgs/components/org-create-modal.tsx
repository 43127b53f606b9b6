import { ORG_KIND_LABELS } from '@dutyboard/contracts/labels';
import type { CreateOrgInput } from '@dutyboard/contracts/orgs';
import { ORG_KINDS, type OrgKind, type OrgUnit } from '@dutyboard/contracts/orgs';
import { Form, Select } from 'antd';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateOrg } from '../api/save-org.ts';
import { OrgCodeField, OrgNameField, OrgSortOrderField, useOrgFields } from './org-fields.tsx';
import { checkCreate, isRootKind, ORG_FIELDS, type OrgFormValues } from './org-form-values.ts';

export function OrgCreateModal({ orgs, ...dialog }: DialogProps & { orgs: OrgUnit[] }) {
  const { t, nameOf } = useI18n();
  const [form] = Form.useForm<OrgFormValues>();
  const create = useCreateOrg();
  const { item, named } = useOrgFields();
  const kind = Form.useWatch('kind', form);
  const root = isRootKind(kind);
  // With a single street committee, a new branch most likely belongs under it.
  const roots = orgs.filter((org) => org.parentId === null);
  const defaultParent = roots.length === 1 ? roots[0]?.id : undefined;

  return (
    <SubmitModal
      {...dialog}
      title={t('orgs.newTitle')}
      form={form}
      name="org_create"
      initialValues={{ parentId: defaultParent }}
      okText={t('orgs.create')}
      testId="org-form"
      fields={ORG_FIELDS}
      check={checkCreate}
      save={(input: CreateOrgInput) => create.mutateAsync(input)}
      saving={create.isPending}
      success={(org) => t('orgs.created', { name: org.name })}
      conflict="orgs.codeTaken"
    >
      <OrgNameField />
      <OrgCodeField />
      <Form.Item {...item('kind')}>
        <Select
          placeholder={t('orgs.kindPlaceholder')}
          options={ORG_KINDS.map((value) => ({ value, label: nameOf(ORG_KIND_LABELS, value) }))}
          data-testid="org-kind"
          onChange={(next: OrgKind) => {
            // A street committee is a root: its parent is empty, not just hidden.
            if (isRootKind(next)) form.setFields([{ name: 'parentId', value: undefined, errors: [] }]);
          }}
        />
      </Form.Item>
      <Form.Item
        label={item('parentId').label}
        name="parentId"
        dependencies={['kind']}
        required={!root}
        // The contract's refinement: a branch has a parent, a street committee none.
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | null | undefined) =>
              isRootKind(getFieldValue('kind')) || value
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.select', { field: named('parentId') }))),
          }),
        ]}
      >
        <OrgSelect
          orgs={orgs}
          disabled={root}
          placeholder={root ? t('orgs.parentNone') : t('orgs.parentPlaceholder')}
          testId="org-parent"
        />
      </Form.Item>
      <OrgSortOrderField />
    </SubmitModal>
  );
}
