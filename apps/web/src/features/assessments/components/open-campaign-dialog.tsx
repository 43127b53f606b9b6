// 发起考核 (ADR 041, amendment part C): a reviewer or leader of the issuing org picks the period
// (the plan's halves and years), one of the org's own schemes of that period (a draft is locked on
// opening), the name (defaulted from org + period), the units (every org of the scheme's level
// below, ticked by default) and the 自评 and 复核 due days (Asia/Shanghai; the 复核 not before the
// 自评: the contract's own refine). Opening asks for a confirmation naming the units and the lock.
import {
  type OpenCampaignInput,
  REVIEW_DUE_MESSAGE_KEY,
  reviewDueValid,
} from '@dutyboard/contracts/assessment-campaigns';
import type { SchemeSummary } from '@dutyboard/contracts/assessments';
import { renderErrorMessage } from '@dutyboard/contracts/error-messages';
import { SCHEME_STATE_LABELS } from '@dutyboard/contracts/labels';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import { periodContaining } from '@dutyboard/contracts/periods';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { planPeriodCodes } from '../../../components/plan-period-select.tsx';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { DATE_FORMAT, DATE_INPUT_FORMATS } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { useOpenCampaign, useSchemes } from '../api/assessments.ts';

interface Values {
  period: string;
  scheme?: string;
  name: string;
  units: string[];
  selfDueOn?: Dayjs;
  reviewDueOn?: Dayjs;
}

/** The periods a campaign may be opened for: the plan's halves and whole years (a scheme is never a quarter). */
function campaignPeriods(): string[] {
  return planPeriodCodes().flatMap((g) => g.codes.filter((c) => !c.includes('-Q')));
}

export function OpenCampaignDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, nameOf, lang } = useI18n();
  const { modal } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const period = Form.useWatch('period', form) ?? periodContaining('HALF', new Date()).code;
  const schemeId = Form.useWatch('scheme', form);
  const schemes = useSchemes(me.org.id, open ? period : undefined);
  const orgs = useOrgs({ enabled: open });
  const opening = useOpenCampaign();
  const submissionKey = useSubmissionKey<OpenCampaignInput>();

  // Only the org's own schemes: those issued above score this org, they are not its to open.
  const own: SchemeSummary[] = (schemes.data?.items ?? []).filter((s) => s.orgId === me.org.id);
  const scheme = own.find((s) => s.id === schemeId);
  const units = useMemo(
    () => (orgs.data?.items ?? []).filter((o) => o.id !== me.org.id && scheme && orgLevelOf(o.kind) === scheme.level),
    [orgs.data, me.org.id, scheme],
  );
  const defaultName = (code: string) =>
    t('assessments.defaultName', { org: me.org.name, period: periodLabel(code, t) });

  const onScheme = (id: string) => {
    const picked = own.find((s) => s.id === id);
    const below = (orgs.data?.items ?? []).filter(
      (o) => o.id !== me.org.id && picked && orgLevelOf(o.kind) === picked.level,
    );
    form.setFieldsValue({ units: below.map((o) => o.id) });
  };

  const submit = async () => {
    setFailure(null);
    const v = await form.validateFields();
    if (!scheme || !v.selfDueOn || !v.reviewDueOn) return;
    const body: OpenCampaignInput = {
      scheme: scheme.id,
      name: v.name.trim(),
      units: v.units,
      selfDueOn: v.selfDueOn.format(DATE_FORMAT),
      reviewDueOn: v.reviewDueOn.format(DATE_FORMAT),
    };
    modal.confirm({
      title: t('assessments.openConfirmTitle'),
      content: (
        <Space direction="vertical">
          <span>{t('assessments.openConfirm', { count: body.units?.length ?? 0, name: body.name ?? '' })}</span>
          <span>{t('assessments.openLocks', { scheme: scheme.name })}</span>
        </Space>
      ),
      okText: t('assessments.openOk'),
      onOk: async () => {
        try {
          await opening.mutateAsync({ body, key: submissionKey(body) });
          onClose();
          form.resetFields();
        } catch (error) {
          setFailure(errorText(error, lang, t));
        }
      },
    });
  };

  const allTicked = Form.useWatch('units', form) ?? [];
  return (
    <Modal
      open={open}
      title={t('assessments.openTitle')}
      okText={t('assessments.openNext')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={opening.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ period, name: defaultName(period), units: [] }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.period) form.setFieldsValue({ scheme: undefined, units: [], name: defaultName(changed.period) });
        }}
      >
        <Form.Item name="period" label={t('assessments.period')} rules={[{ required: true }]}>
          <Select options={campaignPeriods().map((c) => ({ value: c, label: periodLabel(c, t) }))} listHeight={320} />
        </Form.Item>
        <Form.Item
          name="scheme"
          label={t('assessments.scheme')}
          extra={t('assessments.schemeLockNote')}
          rules={[{ required: true, message: t('validation.select', { field: t('assessments.scheme') }) }]}
        >
          <Select
            loading={schemes.isPending && schemes.fetchStatus !== 'idle'}
            notFoundContent={t('assessments.noScheme')}
            onChange={onScheme}
            options={own.map((s) => ({
              value: s.id,
              title: s.name,
              label: (
                <Space size={4}>
                  <span>{s.name}</span>
                  <Tag color={s.state === 'DRAFT' ? 'orange' : 'green'}>{nameOf(SCHEME_STATE_LABELS, s.state)}</Tag>
                </Space>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('assessments.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('assessments.name') }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('assessments.units')}
          required
          extra={scheme ? t('assessments.unitsNote', { count: units.length }) : t('assessments.unitsPick')}
        >
          {units.length > 0 && (
            <Checkbox
              checked={allTicked.length === units.length}
              indeterminate={allTicked.length > 0 && allTicked.length < units.length}
              onChange={(e) => form.setFieldsValue({ units: e.target.checked ? units.map((u) => u.id) : [] })}
            >
              {t('assessments.selectAll')}
            </Checkbox>
          )}
          <Form.Item
            name="units"
            noStyle
            rules={[
              {
                validator: (_r, value: string[] | undefined) =>
                  value && value.length > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('validation.select', { field: t('assessments.units') }))),
              },
            ]}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item
            name="selfDueOn"
            label={t('assessments.selfDueOn')}
            rules={[{ required: true, message: t('validation.select', { field: t('assessments.selfDueOn') }) }]}
          >
            <DatePicker format={DATE_INPUT_FORMATS} placeholder={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="reviewDueOn"
            label={t('assessments.reviewDueOn')}
            dependencies={['selfDueOn']}
            rules={[
              { required: true, message: t('validation.select', { field: t('assessments.reviewDueOn') }) },
              ({ getFieldValue }) => ({
                validator: (_r, value: Dayjs | undefined) => {
                  const self = getFieldValue('selfDueOn') as Dayjs | undefined;
                  if (!value || !self || reviewDueValid(self.format(DATE_FORMAT), value.format(DATE_FORMAT)))
                    return Promise.resolve();
                  return Promise.reject(new Error(renderErrorMessage(REVIEW_DUE_MESSAGE_KEY, {}, lang)));
                },
              }),
            ]}
          >
            <DatePicker format={DATE_INPUT_FORMATS} placeholder={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('assessments.dueNote')}
        </Typography.Paragraph>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}
