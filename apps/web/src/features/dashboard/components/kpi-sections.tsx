// The KPI cards in the contract's sections (study, publicity, risk, duty): one row per section on
// a wide screen, two across on a tablet, one on a phone.
import { DASHBOARD_SECTIONS, type DashboardSection, type Kpi } from '@dutyboard/contracts/dashboard';
import { Card, Col, Row } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { KpiCard } from './kpi-card.tsx';

const SECTIONS = Object.keys(DASHBOARD_SECTIONS) as DashboardSection[];

/** `ended`: the period is over, so its cards speak in the past (issue 16.5). */
export function KpiSections({ kpis, ended, period }: { kpis: Kpi[]; ended: boolean; period?: string }) {
  const { t } = useI18n();
  return (
    <>
      {SECTIONS.map((section) => {
        const cards = DASHBOARD_SECTIONS[section]
          .map((metric) => kpis.find((k) => k.metric === metric))
          .filter((k): k is Kpi => k !== undefined);
        if (cards.length === 0) return null;
        return (
          <section key={section} data-testid={`kpi-section-${section}`} aria-labelledby={`kpi-section-${section}`}>
            <h2 className="db-dash-section" id={`kpi-section-${section}`}>
              {t(`dashboard.section.${section}`)}
            </h2>
            <Row gutter={[12, 12]}>
              {cards.map((kpi) => (
                // A section's cards share its row on a wide screen, so a five-card section
                // does not leave one card alone on a second row.
                <Col key={kpi.metric} xs={24} sm={12} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
                  <KpiCard kpi={kpi} ended={ended} period={period} />
                </Col>
              ))}
            </Row>
          </section>
        );
      })}
    </>
  );
}

/** Placeholder cards while the first answer loads: the page keeps its shape. */
export function KpiSkeleton() {
  return (
    <Row gutter={[12, 12]} aria-busy="true">
      {Array.from({ length: 8 }, (_, i) => (
        <Col key={i} xs={24} sm={12} lg={6}>
          <Card size="small" loading style={{ height: 150 }} />
        </Col>
      ))}
    </Row>
  );
}
