import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { StatusPage } from '../../../components/status-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';

/** A missing alert, a deleted one and another branch's one all look alike (the API's 404). */
export function RiskAlertNotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <StatusPage
      status="404"
      title={t('riskAlerts.notFoundTitle')}
      text={t('riskAlerts.notFoundText')}
      action={
        <Button type="primary" onClick={() => void navigate('/risk-alerts')}>
          {t('riskAlerts.backToList')}
        </Button>
      }
    />
  );
}
