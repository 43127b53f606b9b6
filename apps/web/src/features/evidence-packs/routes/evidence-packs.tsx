// /evidence-packs (证据包): pick an org and a period, ask for a pack, watch it being made, download
// it with its SHA-256. Org and period live in the URL like every other filter.
import { DownloadOutlined, FileZipOutlined } from '@ant-design/icons';
import type { EvidencePack } from '@dutyboard/contracts/evidence-packs';
import { EVIDENCE_PACK_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Alert, App, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { periodLabel, periodOrgFromParams } from '../../../lib/periods.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import { isPackPending, useCreateEvidencePack, useEvidencePacks } from '../api/evidence-packs.ts';

const STATE_COLOR = { QUEUED: 'default', RUNNING: 'processing', DONE: 'success', FAILED: 'error' } as const;

/** "12.3 MB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function PackItem({ pack }: { pack: EvidencePack }) {
  const { t, nameOf } = useI18n();
  const percent = pack.total > 0 ? Math.floor((pack.done / pack.total) * 100) : 0;
  return (
    <List.Item data-testid="evidence-pack" data-state={pack.state} style={{ display: 'block' }}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {pack.orgName} · {periodLabel(pack.periodCode, t)}
        </Typography.Text>
        <Tag color={STATE_COLOR[pack.state]} data-testid="pack-state">
          {nameOf(EVIDENCE_PACK_STATE_LABELS, pack.state)}
        </Tag>
      </Space>
      <div>
        <Typography.Text type="secondary">
          {t('evidencePacks.createdAt', { time: formatDateTime(pack.createdAt) })}
          {pack.finishedAt ? ` · ${t('evidencePacks.finishedAt', { time: formatDateTime(pack.finishedAt) })}` : ''}
        </Typography.Text>
      </div>
      {isPackPending(pack) && (
        <div data-testid="pack-progress" style={{ marginTop: 8 }}>
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {t('evidencePacks.progress', { done: pack.done, total: pack.total })}
          </Typography.Text>
        </div>
      )}
      {pack.state === 'DONE' && pack.downloadUrl && (
        <div style={{ marginTop: 8 }}>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={pack.downloadUrl}
            download={pack.fileName ?? undefined}
            data-testid="pack-download"
            style={{ maxWidth: '100%' }}
          >
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {t('evidencePacks.download')} {pack.fileName}
            </span>
          </Button>
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('evidencePacks.size')}：</Typography.Text>
            <span data-testid="pack-size">{pack.size === null ? '' : formatBytes(pack.size)}</span>
          </div>
          <div>
            <Typography.Text type="secondary">{t('evidencePacks.sha256')}：</Typography.Text>
            <Typography.Text code copyable data-testid="pack-sha256" style={{ wordBreak: 'break-all' }}>
              {pack.sha256}
            </Typography.Text>
          </div>
        </div>
      )}
      {pack.state === 'FAILED' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('evidencePacks.failedTitle')}
          description={<span data-testid="pack-error">{pack.error}</span>}
        />
      )}
    </List.Item>
  );
}

export function EvidencePacksRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const allowed = can(me, 'dashboard:read');
  const orgs = useOrgChoices(allowed);
  const packs = useEvidencePacks();
  const create = useCreateEvidencePack();
  if (!allowed) return <ForbiddenPage />;

  const scope = periodOrgFromParams(params);
  const period = scope.period;
  const org = scope.org ?? me.org.id;
  const setParam = (key: 'period' | 'org', value: string | undefined) =>
    setParams(patchParams(params, { [key]: value }), { replace: true });
  const generate = () =>
    create.mutate(
      { org, period },
      {
        onSuccess: () => void message.success(t('evidencePacks.requested')),
        onError: (error) => void message.error(`${t('evidencePacks.requestFailed')}: ${errorText(error, lang, t)}`),
      },
    );

  return (
    <div>
      <PageHead title={t('evidencePacks.title')} intro={t('evidencePacks.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <ScopeOrgSelect choices={orgs} value={org} onChange={(id) => setParam('org', id)} className="db-w-260" />
          <PeriodSelect value={period} onChange={(code) => setParam('period', code)} />
          <Button
            type="primary"
            icon={<FileZipOutlined />}
            loading={create.isPending}
            onClick={generate}
            data-testid="generate-pack"
          >
            {t('evidencePacks.generate')}
          </Button>
        </div>
      </Card>
      <Card title={t('evidencePacks.listTitle')}>
        {packs.isPending ? (
          <PageLoading rows={4} />
        ) : packs.isError ? (
          <ErrorState error={packs.error} onRetry={() => void packs.refetch()} />
        ) : packs.data.items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('evidencePacks.empty')}
            data-testid="packs-empty"
          />
        ) : (
          <List
            dataSource={packs.data.items}
            rowKey="id"
            renderItem={(pack) => <PackItem pack={pack} />}
            data-testid="evidence-packs"
          />
        )}
      </Card>
    </div>
  );
}
