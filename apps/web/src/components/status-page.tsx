// Friendly full-page states: page not found, record not found, no permission.
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../lib/i18n-provider.tsx';

interface StatusPageProps {
  status: '403' | '404';
  title: string;
  text: string;
  action?: ReactNode;
}

export function StatusPage({ status, title, text, action }: StatusPageProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={title}
      subTitle={text}
      extra={
        action ?? (
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('common.backHome')}
          </Button>
        )
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <StatusPage status="404" title={t('notFound.title')} text={t('notFound.text')} />;
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return <StatusPage status="403" title={t('common.forbiddenTitle')} text={t('common.forbiddenText')} />;
}
