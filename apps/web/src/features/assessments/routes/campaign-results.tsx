// /assessments/campaigns/:id/results (考核结果, ADR 042): the ranking of a campaign's units — the
// columns are contracts' RESULT_COLUMNS, as in the 考核汇总表 and the 通报 — each unit leading to its
// scorecard; the 汇总表 (xlsx) and the 通报 (DOCX, the issuer's) as downloads. Until a unit is
// confirmed, the page says so and each row says which figure it is ranked by.
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { RESULT_COLUMNS, type ResultRow } from '@dutyboard/contracts/assessment-results';
import { RETURN_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { periodLabel } from '../../../lib/periods.ts';
import { noticeDocxHref, resultsXlsxHref, useCampaignResults } from '../api/assessments.ts';
import { RETURN_STATE_COLOR } from './return-state.ts';
import { useFileExport } from './use-file-export.tsx';

export function CampaignResultsRoute() {
  const { id = '' } = useParams();
  const { t, lang, nameOf } = useI18n();
  const results = useCampaignResults(id);
  const files = useFileExport();
  if (results.isPending) return <PageLoading />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  const r = results.data;

  const columns: ColumnsType<ResultRow> = RESULT_COLUMNS.map((c) => ({
    key: c.key,
    title: c.label[lang],
    dataIndex: c.key,
    align: c.key === 'unit' || c.key === 'state' || c.key === 'basis' ? 'left' : 'center',
    // On a phone the table scrolls sideways; the rank and the unit stay in view.
    ...(c.key === 'rank' || c.key === 'unit' ? { fixed: 'left' as const } : {}),
    render: (_: unknown, row: ResultRow) => {
      if (c.key === 'unit') {
        return (
          <Link to={`/assessments/returns/${row.returnId}/scorecard`} data-testid="results-unit">
            {row.orgName}
          </Link>
        );
      }
      if (c.key === 'state') {
        return <Tag color={RETURN_STATE_COLOR[row.state]}>{nameOf(RETURN_STATE_LABELS, row.state)}</Tag>;
      }
      if (c.key === 'vetoed') return row.vetoed ? <Tag color="red">{c.cell(row, lang)}</Tag> : c.cell(row, lang);
      const v = c.cell(row, lang);
      return v === null ? '—' : v;
    },
  }));

  return (
    <>
      <PageHead
        title={`${r.campaignName} · ${t('results.title')}`}
        intro={t('results.intro', {
          issuer: r.issuerName,
          period: periodLabel(r.periodCode, t),
          confirmed: r.confirmed,
          units: r.units,
        })}
      >
        <Space wrap>
          <Button
            icon={<FileExcelOutlined />}
            loading={files.busy === 'xlsx'}
            data-testid="results-xlsx"
            onClick={() => void files.run('xlsx', resultsXlsxHref(r.campaignId), 'results.xlsx')}
          >
            {t('results.exportXlsx')}
          </Button>
          {r.issuerSide && (
            <Button
              icon={<FileWordOutlined />}
              loading={files.busy === 'docx'}
              disabled={r.confirmed === 0}
              data-testid="results-docx"
              onClick={() => void files.run('docx', noticeDocxHref(r.campaignId), 'notice.docx')}
            >
              {t('results.exportDocx')}
            </Button>
          )}
        </Space>
      </PageHead>
      <Typography.Paragraph type="secondary">
        {r.earlier
          ? t('results.earlier', { name: r.earlier.name, period: periodLabel(r.earlier.periodCode, t) })
          : t('results.noEarlier')}
      </Typography.Paragraph>
      {r.confirmed === 0 && (
        <Empty data-testid="results-empty" description={t('results.none')} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('results.noneHint')}</Typography.Text>
        </Empty>
      )}
      {r.confirmed > 0 && r.confirmed < r.units && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('results.noneHint')} />
      )}
      <Table
        data-testid="results-table"
        rowKey="returnId"
        size="middle"
        columns={columns}
        dataSource={r.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
