import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { StatusPage } from '../../../components/status-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';

/** A missing record, a deleted one and another branch's one all look alike (the API's 404). */
export function RiskPointNotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <StatusPage
      status="404"
      title={t('riskPoints.notFoundTitle')}
      text={t('riskPoints.notFoundText')}
      action={
        <Button type="primary" onClick={() => void navigate('/risk-points')}>
          {t('riskPoints.backToList')}
        </Button>
      }
    />
  );
}
