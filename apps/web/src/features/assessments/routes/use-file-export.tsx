// A download button's state for the 考核 files: busy while the file is made, then a message that
// it is ready, or the server's sentence when it was refused (none confirmed, not the issuer).
import { App } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../components/export-button.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';

export function useFileExport() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, href: string, fallback: string) => {
    setBusy(key);
    const hide = message.loading(t('results.exporting'), 0);
    try {
      await downloadFile(href, fallback);
      void message.success(t('results.exported'));
    } catch (error) {
      void message.error(`${t('results.exportFailed')}：${errorText(error, lang, t)}`);
    } finally {
      hide();
      setBusy(null);
    }
  };
  return { busy, run };
}
