// English UI strings of features/plan: loaded only when English is chosen (lib/i18n.ts
// loadLang); the keys and comments are messages.ts's.
import type { planZh } from './messages.ts';

export const planEn: Record<keyof typeof planZh, string> = {
  'plan.frequency.MONTHLY': 'Monthly',
  'plan.frequency.QUARTERLY': 'Quarterly',
  'plan.frequency.HALF_YEARLY': 'Every half year',
  'plan.frequency.YEARLY': 'Yearly',

  'plan.times': '{count} times',
  'plan.year': '{year}',
};
