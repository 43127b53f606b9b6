import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../lib/i18n-provider.tsx';
import { type OrgChoices, orgDepths } from '../lib/orgs.ts';
import { usePhone } from '../lib/use-phone.ts';

interface OrgSelectProps {
  orgs: OrgUnit[];
  /** Optional so antd's Form.Item can inject value and onChange. */
  value?: string;
  onChange?: (orgId: string | undefined) => void;
  loading?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  className?: string;
  id?: string;
  disabled?: boolean;
  size?: 'large' | 'middle';
  testId?: string;
}

/** An org picker with branches indented under their committee; typing filters by name (not on a phone). */
export function OrgSelect(props: OrgSelectProps) {
  const { t } = useI18n();
  const phone = usePhone();
  const depths = orgDepths(props.orgs);
  const options = props.orgs.map((org) => ({
    value: org.id,
    label: org.name,
    title: org.name,
    depth: depths.get(org.id) ?? 0,
  }));
  return (
    <Select
      id={props.id}
      aria-label={props.id ? undefined : t('org.label')}
      data-testid={props.testId}
      value={props.value}
      onChange={(value: string | undefined) => props.onChange?.(value ?? undefined)}
      options={options}
      optionRender={(option) => <span style={{ paddingLeft: (option.data.depth ?? 0) * 16 }}>{option.label}</span>}
      loading={props.loading}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? t('org.placeholder')}
      // On a phone a search box would open the soft keyboard over the options.
      showSearch={phone ? false : { optionFilterProp: 'label' }}
      disabled={props.disabled}
      size={props.size}
      style={props.style}
      className={props.className}
    />
  );
}

/**
 * The org a page is scoped to (test id "org-select"), offered only when there is a choice
 * (useOrgChoices: leadership, or a user who reaches more than their own org).
 */
export function ScopeOrgSelect({
  choices,
  ...props
}: { choices: OrgChoices } & Omit<OrgSelectProps, 'orgs' | 'loading' | 'testId'>) {
  if (!choices.offer) return null;
  return <OrgSelect testId="org-select" orgs={choices.choices} loading={choices.loading} {...props} />;
}
