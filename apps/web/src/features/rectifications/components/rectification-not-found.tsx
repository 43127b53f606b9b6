import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { StatusPage } from '../../../components/status-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';

/** A missing record, a deleted one and another branch's one all look alike (the API's 404). */
export function RectificationNotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <StatusPage
      status="404"
      title={t('rectifications.notFoundTitle')}
      text={t('rectifications.notFoundText')}
      action={
        <Button type="primary" onClick={() => void navigate('/rectifications')}>
          {t('rectifications.backToList')}
        </Button>
      }
    />
  );
}
