import { Alert, Button } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

export function DraftNotice({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="draft-restored"
      title={t('form.draftRestored')}
      action={
        <Button size="small" type="link" onClick={onDiscard}>
          {t('form.discardDraft')}
        </Button>
      }
      style={{ marginBottom: 16, maxWidth: 640 }}
    />
  );
}
