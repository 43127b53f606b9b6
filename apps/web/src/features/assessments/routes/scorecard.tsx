// /assessments/returns/:id/scorecard (得分卡, ADR 042): one unit's scores by category then item —
// points, score, points lost and why (the rule's shortfall, the 自评 note, the reviewer's reason:
// contracts' message keys), the records behind each item ("N 条记录", the dashboard's drill), the
// records linked in the 自评, drift after confirmation, and the change since the last campaign.
import { RESULT_BASIS_LABELS, renderLostReason, trendText } from '@dutyboard/contracts/assessment-results';
import { RETURN_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { recordPath } from '../../../lib/record-links.ts';
import { useScorecard } from '../api/assessments.ts';
import { DriftNote } from '../components/drift-note.tsx';
import { RETURN_STATE_COLOR } from './return-state.ts';

const trendColor = (delta: number | null) =>
  delta === null ? undefined : delta > 0 ? 'green' : delta < 0 ? 'red' : undefined;

export function ScorecardRoute() {
  const { id = '' } = useParams();
  const { t, lang, nameOf } = useI18n();
  const card = useScorecard(id);
  if (card.isPending) return <PageLoading />;
  if (card.isError) return <ErrorState error={card.error} onRetry={() => card.refetch()} />;
  const s = card.data;
  return (
    <>
      <PageHead
        title={t('scorecard.title', { unit: s.orgName })}
        intro={`${s.campaignName} · ${periodLabel(s.periodCode, t)}`}
      >
        <Space wrap>
          <Link to={`/assessments/campaigns/${s.campaignId}/results`}>{t('results.back')}</Link>
          <Link to={`/assessments/returns/${s.returnId}`}>{t('scorecard.openReturn')}</Link>
        </Space>
      </PageHead>
      <Card style={{ marginBottom: 16 }} data-testid="scorecard-head">
        <Space wrap size={[16, 8]}>
          <Tag color={RETURN_STATE_COLOR[s.state]}>{nameOf(RETURN_STATE_LABELS, s.state)}</Tag>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {s.score === null
              ? t('scorecard.unscored')
              : t('scorecard.score', { basis: nameOf(RESULT_BASIS_LABELS, s.basis), score: s.score, total: s.total })}
          </Typography.Text>
          {s.pointsLost !== null && <Typography.Text>{t('scorecard.lost', { lost: s.pointsLost })}</Typography.Text>}
          {s.rank !== null && (
            <Typography.Text>{t('scorecard.rank', { rank: s.rank, units: s.units })}</Typography.Text>
          )}
          <Tag color={trendColor(s.trend.delta)} data-testid="scorecard-trend">
            {t('scorecard.trend', { trend: trendText(s.trend, lang) })}
          </Tag>
        </Space>
        {s.vetoed && <Alert type="error" showIcon style={{ marginTop: 12 }} message={t('scorecard.vetoed')} />}
      </Card>
      {s.categories.map((cat) => (
        <Card
          key={cat.title}
          size="small"
          style={{ marginBottom: 16 }}
          title={t('scorecard.category', { title: cat.title, score: cat.score ?? '—', points: cat.points })}
          extra={
            cat.trend.delta !== null && <Tag color={trendColor(cat.trend.delta)}>{trendText(cat.trend, lang)}</Tag>
          }
        >
          <List
            dataSource={cat.items}
            renderItem={(item) => {
              const href = item.drill ? drillHref(item.drill) : null;
              return (
                <List.Item data-testid="scorecard-item" data-key={item.key}>
                  <div style={{ width: '100%' }}>
                    <Space wrap size={[8, 4]} style={{ justifyContent: 'space-between', width: '100%' }}>
                      <Typography.Text strong>{item.title}</Typography.Text>
                      <Space size={8}>
                        <Typography.Text>
                          {item.score === null
                            ? t('scorecard.unscored')
                            : t('scorecard.itemScore', { score: item.score, points: item.points })}
                        </Typography.Text>
                        {item.lost !== null && item.lost > 0 && (
                          <Tag color="orange">{t('scorecard.lost', { lost: item.lost })}</Tag>
                        )}
                        {item.trend.delta !== null && (
                          <Tag color={trendColor(item.trend.delta)}>{trendText(item.trend, lang)}</Tag>
                        )}
                      </Space>
                    </Space>
                    {item.reasons.length > 0 ? (
                      <ul style={{ margin: '4px 0', paddingInlineStart: 20 }} data-testid="scorecard-reasons">
                        {item.reasons.map((r) => (
                          <li key={r.key}>{renderLostReason(r, lang)}</li>
                        ))}
                      </ul>
                    ) : (
                      item.lost === 0 && (
                        <div>
                          <Typography.Text type="secondary">{t('scorecard.full')}</Typography.Text>
                        </div>
                      )
                    )}
                    {(href || item.records.length > 0) && (
                      <Space wrap size={[12, 4]}>
                        {href && item.done !== null && (
                          <Link to={href} data-testid="scorecard-records">
                            {t('scorecard.records', { count: item.done })}
                          </Link>
                        )}
                        {item.records.length > 0 && (
                          <Typography.Text type="secondary">
                            {t('scorecard.linked', { count: item.records.length })}{' '}
                            {item.records.map((rec, n) => (
                              <Link
                                key={`${rec.type}-${rec.id}`}
                                to={recordPath(rec.type, rec.id)}
                                style={{ marginInlineEnd: 8 }}
                              >
                                {t('scorecard.linkedRecord', { n: n + 1 })}
                              </Link>
                            ))}
                          </Typography.Text>
                        )}
                      </Space>
                    )}
                    {item.drift && <DriftNote drift={item.drift} />}
                  </div>
                </List.Item>
              );
            }}
          />
        </Card>
      ))}
    </>
  );
}
