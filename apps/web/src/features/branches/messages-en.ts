// English UI strings of features/branches: loaded only when English is chosen (lib/i18n.ts
// loadLang); the keys and comments are messages.ts's.
import type { branchesZh } from './messages.ts';

export const branchesEn: Record<keyof typeof branchesZh, string> = {
  'branches.title': '{group}',
  'branches.hint':
    '{group}: the figures of each for the chosen period against its targets, best first; click a name ({unit}) for its own dashboard, a figure for its records.',
};
