import { ORG_KIND_LABELS } from '@dutyboard/contracts/labels';
import { type OrgUnit, parentAllowed, type UpdateOrgInput } from '@dutyboard/contracts/orgs';
import { App, Form, Typography } from 'antd';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useUpdateOrg } from '../api/save-org.ts';
import { OrgCodeField, OrgNameField, OrgSortOrderField } from './org-fields.tsx';
import { checkEdit, ORG_FIELDS, type OrgFormValues } from './org-form-values.ts';

/** The orgs `org` may move under: a kind that takes it (ORG_KIND_RULES), and not itself or below it. */
export function moveTargets(org: OrgUnit, orgs: readonly OrgUnit[]): OrgUnit[] {
  const below = new Set([org.id]);
  // Parents come before children in the list (listOrgs), so one pass finds the whole subtree.
  for (const o of orgs) if (o.parentId && below.has(o.parentId)) below.add(o.id);
  return orgs.filter((o) => !below.has(o.id) && parentAllowed(org.kind, o.kind));
}

/** Name, code and order; and the parent, moved only after a confirmation that says what moves along. */
export function OrgEditModal({ org, orgs, ...dialog }: DialogProps & { org: OrgUnit; orgs: OrgUnit[] }) {
  const { t, nameOf } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const update = useUpdateOrg();
  const kind = nameOf(ORG_KIND_LABELS, org.kind);
  const parent = orgs.find((o) => o.id === org.parentId);
  const targets = moveTargets(org, orgs);
  const nameOfOrg = (id: string | undefined) => orgs.find((o) => o.id === id)?.name ?? '';

  const confirmMove = (to: string) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('orgs.moveConfirmTitle'),
        content: t('orgs.moveConfirm', { name: org.name, from: parent?.name ?? '', to: nameOfOrg(to) }),
        okText: t('orgs.moveOk'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  return (
    <SubmitModal
      {...dialog}
      title={t('orgs.editTitle', { name: org.name })}
      form={form}
      name="org_edit"
      initialValues={{ name: org.name, code: org.code, sortOrder: org.sortOrder, parentId: org.parentId }}
      okText={t('form.save')}
      testId="org-edit-form"
      fields={ORG_FIELDS}
      check={(values: OrgFormValues) => checkEdit(values, org)}
      save={async (input: UpdateOrgInput) => {
        if (input.parentId && !(await confirmMove(input.parentId))) return null;
        return update.mutateAsync({ id: org.id, input });
      }}
      saving={update.isPending}
      success={(saved) => (saved ? t('form.saved') : t('form.noChanges'))}
      conflict="orgs.codeTaken"
    >
      <Typography.Paragraph type="secondary" data-testid="org-placement">
        {parent ? t('orgs.placement', { kind, parent: parent.name }) : t('orgs.placementRoot', { kind })}
      </Typography.Paragraph>
      <OrgNameField />
      <OrgCodeField />
      {parent && targets.length > 0 && (
        <Form.Item name="parentId" label={t('orgs.moveTo')} extra={t('orgs.moveHint')}>
          <OrgSelect orgs={targets} testId="org-move-parent" />
        </Form.Item>
      )}
      <OrgSortOrderField />
    </SubmitModal>
  );
}
