// Turns any thrown value into a sentence for the user. An error with a catalogue key
// (contracts/error-messages.ts) is said in the user's language from its parameters; one without
// shows the server's Chinese sentence in Chinese and, in English, the text of its code.
import { isErrorMessageKey, renderErrorMessage } from '@dutyboard/contracts/error-messages';
import { isApiError } from './api-client.ts';
import type { Lang, MessageKey, Translate } from './i18n.ts';

export function errorText(error: unknown, lang: Lang, t: Translate): string {
  if (isApiError(error)) {
    if (isErrorMessageKey(error.key)) return renderErrorMessage(error.key, error.params, lang);
    const serverWrote = error.status > 0 && error.code !== 'BAD_RESPONSE' && !error.message.startsWith('HTTP ');
    if (lang === 'zh' && serverWrote && error.message) return error.message;
    return t(`error.${error.code}` satisfies MessageKey);
  }
  return t('error.INTERNAL');
}
