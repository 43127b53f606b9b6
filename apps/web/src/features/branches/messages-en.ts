// English UI strings of features/branches: loaded only when English is chosen (lib/i18n.ts
// loadLang); the keys and comments are messages.ts's.
import type { branchesZh } from './messages.ts';

export const branchesEn: Record<keyof typeof branchesZh, string> = {
  'branches.title': 'Branches',
  'branches.hint':
    "Each branch's figures for the chosen period against its targets, best first; click a branch for its dashboard, a figure for its records.",
};
