// Turns any thrown value into a sentence for the user. The server writes its messages in Chinese
// for users, so Chinese shows them as sent; English maps the error code instead.
import { isApiError } from './api-client.ts';
import type { Lang, MessageKey, Translate } from './i18n.ts';

export function errorText(error: unknown, lang: Lang, t: Translate): string {
  if (isApiError(error)) {
    const serverWrote = error.status > 0 && error.code !== 'BAD_RESPONSE' && !error.message.startsWith('HTTP ');
    if (lang === 'zh' && serverWrote && error.message) return error.message;
    return t(`error.${error.code}` satisfies MessageKey);
  }
  return t('error.INTERNAL');
}
