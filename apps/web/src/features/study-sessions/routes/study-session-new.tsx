import { StudyKindSchema } from '@dutyboard/contracts/study-sessions';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { RecordNewPage } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateStudySession } from '../api/save-study-session.ts';
import { studyDraft } from '../components/study-draft.ts';
import { StudyForm } from '../components/study-form.tsx';
import { checkValues, newStudyValues, saveErrorText } from '../components/study-form-values.ts';

export function StudySessionNewRoute() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const [defaultsAt] = useState(() => new Date());
  const wantedKind = StudyKindSchema.safeParse(params.get('kind'));
  return (
    <RecordNewPage
      permission="study:write"
      title={t('studySessions.newTitle')}
      noWritableOrg={t('studySessions.form.noWritableOrg')}
      draft={studyDraft}
      defaults={(orgId) => ({
        ...newStudyValues(orgId, defaultsAt),
        kind: wantedKind.success ? wantedKind.data : undefined,
      })}
      check={(values, form) => checkValues(form, values, t, lang)}
      saveError={(error, form) => saveErrorText(form, error, t, lang)}
      useCreate={useCreateStudySession}
      saved={t('form.saved')}
      detailPath={(session) => `/study-sessions/${session.id}`}
      photos={{ entityType: 'StudySession', id: (session) => session.id }}
      // Straight to the record, where the sign-in sheet or a photo can be added at once.
      navigateState={{ created: true }}
      renderForm={(props) => <StudyForm {...props} />}
    />
  );
}
