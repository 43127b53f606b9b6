import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { errorText } from '../lib/error-text.ts';
import { useI18n } from '../lib/i18n-provider.tsx';

/** A failed read: what went wrong in words, and a retry. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t, lang } = useI18n();
  return (
    <Result
      status="warning"
      title={title ?? t('common.loadFailed')}
      subTitle={errorText(error, lang, t)}
      extra={
        onRetry ? (
          <Button icon={<ReloadOutlined />} onClick={onRetry} data-testid="retry">
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
