// English UI strings of features/evidence-packs: loaded only when English is chosen (lib/i18n.ts
// loadLang); the keys and comments are messages.ts's.
import type { evidencePacksZh } from './messages.ts';

export const evidencePacksEn: Record<keyof typeof evidencePacksZh, string> = {
  'evidencePacks.nav': 'Evidence packs',
  'evidencePacks.title': 'Evidence packs',
  'evidencePacks.intro':
    'Choose an org and a period to make one zip: the records (records.xlsx, one sheet per kind), every evidence file of those records, and a file list with SHA-256 checksums (manifest.json / manifest.csv).',
  'evidencePacks.generate': 'Make evidence pack',
  'evidencePacks.requested': 'The evidence pack is being made',
  'evidencePacks.requestFailed': 'Could not start the evidence pack',
  'evidencePacks.listTitle': 'My evidence packs',
  'evidencePacks.empty': 'No evidence packs yet',
  'evidencePacks.progress': '{done} of {total} steps done',
  'evidencePacks.download': 'Download',
  'evidencePacks.size': 'Size',
  'evidencePacks.sha256': 'SHA-256',
  'evidencePacks.createdAt': 'Requested {time}',
  'evidencePacks.finishedAt': 'Finished {time}',
  'evidencePacks.failedTitle': 'The evidence pack could not be made',
  'evidencePacks.copied': 'Copied',
};
