// What the two org dialogs hold and how their values become API bodies, checked with the
// contract's own schemas (which the server runs too); the fields' rules come from the same schema.
import {
  type CreateOrgInput,
  CreateOrgInputSchema,
  type OrgKind,
  type OrgUnit,
  type UpdateOrgInput,
  UpdateOrgInputSchema,
} from '@dutyboard/contracts/orgs';
import { checkBody } from '../../../lib/record-values.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface OrgFormValues {
  name?: string;
  code?: string;
  kind?: OrgKind;
  parentId?: string | null;
  sortOrder?: number | null;
}

export const ORG_FIELDS = formFields(CreateOrgInputSchema, {
  name: 'orgs.name',
  code: { label: 'orgs.code', format: 'orgs.codeFormat' },
  kind: 'orgs.kind',
  parentId: { label: 'orgs.parent', custom: 'orgs.parentRule' },
  sortOrder: 'orgs.sortOrder',
});

export function checkCreate(values: OrgFormValues): Checked<CreateOrgInput> {
  return checkBody(CreateOrgInputSchema, {
    code: values.code?.trim() ?? '',
    name: values.name?.trim() ?? '',
    kind: values.kind,
    // Always under a parent the admin manages (the server makes no new root, ADR 035).
    parentId: values.parentId ?? undefined,
    sortOrder: values.sortOrder ?? undefined,
  });
}

/** Only what differs from the stored org; `unchanged` when nothing does. */
export function checkEdit(values: OrgFormValues, org: OrgUnit): Checked<UpdateOrgInput> | { unchanged: true } {
  const patch: Record<string, unknown> = {};
  const name = values.name?.trim() ?? '';
  const code = values.code?.trim() ?? '';
  const sortOrder = values.sortOrder ?? 0;
  if (name !== org.name) patch.name = name;
  if (code !== org.code) patch.code = code;
  if (sortOrder !== org.sortOrder) patch.sortOrder = sortOrder;
  if (values.parentId && values.parentId !== org.parentId) patch.parentId = values.parentId;
  if (Object.keys(patch).length === 0) return { unchanged: true };
  return checkBody(UpdateOrgInputSchema, patch);
}
