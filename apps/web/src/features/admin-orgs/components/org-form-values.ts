import {
  type CreateOrgInput,
  CreateOrgInputSchema,
  ORG_CODE_MAX,
  ORG_NAME_MAX,
  ORG_SORT_ORDER_MAX,
  ORG_SORT_ORDER_MIN,
  type OrgKind,
  type OrgUnit,
  type UpdateOrgInput,
  UpdateOrgInputSchema,
} from '@dutyboard/contracts/orgs';
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';

/** The contract's bounds for sortOrder (z.number().int().min(0).max(100_000)). */
// The contract's limits, so the form and the server agree.
export const SORT_ORDER_MIN = ORG_SORT_ORDER_MIN;
export const SORT_ORDER_MAX = ORG_SORT_ORDER_MAX;

export interface OrgFormValues {
  name?: string;
  code?: string;
  kind?: OrgKind;
  parentId?: string | null;
  sortOrder?: number | null;
}

export type OrgFormField = keyof OrgFormValues;

export const ORG_FIELDS: FieldSpecs<OrgFormField> = {
  name: { label: 'orgs.name', max: ORG_NAME_MAX },
  code: { label: 'orgs.code', max: ORG_CODE_MAX, format: 'orgs.codeFormat' },
  kind: { label: 'orgs.kind', choose: true },
  parentId: { label: 'orgs.parent', choose: true, custom: 'orgs.parentRule' },
  sortOrder: { label: 'orgs.sortOrder', number: true, min: SORT_ORDER_MIN, max: SORT_ORDER_MAX },
};

export const isRootKind = (kind: OrgKind | undefined) => kind === 'STREET_COMMITTEE';

export function checkCreate(values: OrgFormValues): Checked<CreateOrgInput> {
  const parsed = CreateOrgInputSchema.safeParse({
    code: values.code?.trim() ?? '',
    name: values.name?.trim() ?? '',
    kind: values.kind,
    // A street committee never has a parent, whatever the (disabled) picker last held.
    parentId: isRootKind(values.kind) ? null : (values.parentId ?? undefined),
    sortOrder: values.sortOrder ?? undefined,
  });
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
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
  if (Object.keys(patch).length === 0) return { unchanged: true };
  const parsed = UpdateOrgInputSchema.safeParse(patch);
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}
