import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { RecordEditPage } from '../../../components/record-form-page.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useStudySession } from '../api/get-study-session.ts';
import { useUpdateStudySession } from '../api/save-study-session.ts';
import { studyDraft } from '../components/study-draft.ts';
import { StudyForm } from '../components/study-form.tsx';
import { changedFields, checkValues, saveErrorText, studyToValues } from '../components/study-form-values.ts';
import { StudySessionNotFound } from '../components/study-not-found.tsx';

export function StudySessionEditRoute() {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  return (
    <RecordEditPage
      permission="study:write"
      useRecord={useStudySession}
      notFound={<StudySessionNotFound />}
      // Keyed by record and version: after a reload the form starts again from what is stored now.
      formKey={(session) => `${session.id}@${session.version}`}
      title={t('studySessions.editTitle')}
      draft={studyDraft}
      toValues={studyToValues}
      check={(values, form) => checkValues(form, values, t, lang)}
      changes={changedFields}
      saveError={(error, form, session): ReactNode => {
        // Someone changed the record since it was loaded: saying so, and offering the fresh copy,
        // beats overwriting their change.
        if (isApiError(error) && error.status === 412) {
          const reload = () =>
            void queryClient.invalidateQueries({ queryKey: queryKeys.studySessions.detail(session.id) });
          return (
            <Space orientation="vertical" size={8} data-testid="study-stale">
              <span>{t('studySessions.form.stale')}</span>
              <Button icon={<ReloadOutlined />} onClick={reload} data-testid="study-reload">
                {t('studySessions.form.reload')}
              </Button>
            </Space>
          );
        }
        return saveErrorText(form, error, t, lang);
      }}
      useUpdate={useUpdateStudySession}
      noChanges={t('form.noChanges')}
      saved={t('form.saved')}
      detailPath={(session) => `/study-sessions/${session.id}`}
      renderForm={(props) => <StudyForm {...props} />}
    />
  );
}
