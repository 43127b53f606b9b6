// English UI strings of features/home: loaded only when English is chosen (lib/i18n.ts
// loadLang); the keys and comments are messages.ts's.
import type { homeZh } from './messages.ts';

export const homeEn: Record<keyof typeof homeZh, string> = {
  'home.nav': 'My work',
  'home.title': 'My work',
  'home.newStudy': 'New study session',
  'home.allFigures': 'All figures',
  'home.gaps.title': 'Still to do this period',
  'home.gaps.none': 'Every activity and study target of this period is met',
  'home.gaps.behind': 'Expected by today: {expected}; {missing} still to do',
  'home.gaps.due': '{missing} still to do this period',
  'home.gaps.more': '{count} more not yet met, see all figures',
  'home.recent.title': 'Recently recorded',
  'home.recent.empty': 'No activity or study recorded yet',
  'home.recent.activity': 'Activity',
  'home.recent.study': 'Study',
};
