import { Alert, Button } from 'antd';
import type { MessageKey } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';

/** The words of a feature's draft notice (each feature may say it its own way). */
export interface DraftNoticeText {
  restored: MessageKey;
  discard: MessageKey;
}

const FORM_DRAFT_TEXT: DraftNoticeText = { restored: 'form.draftRestored', discard: 'form.discardDraft' };

/** Says that unsaved values were put back into the form, with a way to drop them. */
export function DraftNotice({ onDiscard, text = FORM_DRAFT_TEXT }: { onDiscard: () => void; text?: DraftNoticeText }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="draft-restored"
      title={t(text.restored)}
      action={
        <Button size="small" type="link" onClick={onDiscard}>
          {t(text.discard)}
        </Button>
      }
      style={{ marginBottom: 16, maxWidth: 640 }}
    />
  );
}
