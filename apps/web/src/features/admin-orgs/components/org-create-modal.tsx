import { ORG_KIND_LABELS } from '@dutyboard/contracts/labels';
import type { CreateOrgInput } from '@dutyboard/contracts/orgs';
import { childKindsOf, type OrgUnit } from '@dutyboard/contracts/orgs';
import { Form, Select } from 'antd';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateOrg } from '../api/save-org.ts';
import { OrgCodeField, OrgNameField, OrgSortOrderField, useOrgFields } from './org-fields.tsx';
import { checkCreate, ORG_FIELDS, type OrgFormValues } from './org-form-values.ts';

/**
 * A new org goes under a parent the admin manages; the types offered are those that may sit under
 * that parent (ORG_KIND_RULES), so a 支部 is never offered under a 区委 nor a 街道 under a 支部.
 */
export function OrgCreateModal({ orgs, ...dialog }: DialogProps & { orgs: OrgUnit[] }) {
  const { t, nameOf } = useI18n();
  const [form] = Form.useForm<OrgFormValues>();
  const create = useCreateOrg();
  const { item } = useOrgFields();
  const parentId = Form.useWatch('parentId', form);
  const parent = orgs.find((org) => org.id === parentId);
  const kinds = parent ? childKindsOf(parent.kind) : [];
  // Only parents something may be created under; with one top org, that is where a new one most likely goes.
  const parents = orgs.filter((org) => childKindsOf(org.kind).length > 0);
  const top = orgs.filter((org) => !orgs.some((o) => o.id === org.parentId));
  const defaultParent = top.length === 1 ? top[0]?.id : undefined;

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
      <Form.Item {...item('parentId')} required>
        <OrgSelect
          orgs={parents}
          placeholder={t('orgs.parentPlaceholder')}
          testId="org-parent"
          onChange={(next) => {
            // A type the new parent does not take is cleared, not silently kept.
            const nextKind = orgs.find((org) => org.id === next)?.kind;
            const kind = form.getFieldValue('kind');
            form.setFieldValue('parentId', next);
            if (kind && (!nextKind || !childKindsOf(nextKind).includes(kind))) form.setFieldValue('kind', undefined);
          }}
        />
      </Form.Item>
      <Form.Item {...item('kind')} extra={parent ? undefined : t('orgs.kindFirstParent')}>
        <Select
          placeholder={t('orgs.kindPlaceholder')}
          options={kinds.map((value) => ({ value, label: nameOf(ORG_KIND_LABELS, value) }))}
          disabled={!parent}
          data-testid="org-kind"
        />
      </Form.Item>
      <OrgSortOrderField />
    </SubmitModal>
  );
}
