import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../lib/i18n-provider.tsx';
import { type OrgChoice, type OrgChoices, orgDepths } from '../lib/orgs.ts';
import { usePhone } from '../lib/use-phone.ts';

interface OrgSelectProps {
  orgs: OrgChoice[];
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
  /** Called when the options open or the box takes focus (typing searches), to read a held-back list. */
  onOpen?: () => void;
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
      onOpenChange={(open) => {
        if (open) props.onOpen?.();
      }}
      onFocus={props.onOpen}
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
 * (useOrgChoices: leadership, or a user who reaches more than their own org). `current` names the
 * org shown while the list is held back or still loading (the dashboard's answer carries it); an
 * org the box cannot name yet is shown as no choice rather than as its id.
 */
export function ScopeOrgSelect({
  choices,
  current,
  value,
  ...props
}: { choices: OrgChoices; current?: OrgChoice } & Omit<OrgSelectProps, 'orgs' | 'loading' | 'testId' | 'onOpen'>) {
  if (!choices.offer) return null;
  const unlisted = current && !choices.choices.some((o) => o.id === current.id);
  const orgs: OrgChoice[] = unlisted ? [current, ...choices.choices] : choices.choices;
  const named = value === undefined || orgs.some((o) => o.id === value);
  return (
    <OrgSelect
      testId="org-select"
      orgs={orgs}
      loading={choices.loading}
      onOpen={choices.load}
      value={named ? value : undefined}
      {...props}
    />
  );
}
