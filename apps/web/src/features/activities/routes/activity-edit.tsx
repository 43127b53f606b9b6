import { RecordEditPage } from '../../../components/record-form-page.tsx';
import { saveErrorText } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useActivity } from '../api/get-activity.ts';
import { useUpdateActivity } from '../api/save-activity.ts';
import { activityDraft } from '../components/activity-draft.ts';
import { ActivityForm } from '../components/activity-form.tsx';
import {
  ACTIVITY_FIELDS,
  activityToValues,
  changedActivityFields,
  checkActivityValues,
  withFormFields,
} from '../components/activity-form-values.ts';
import { ActivityNotFound } from '../components/activity-not-found.tsx';

export function ActivityEditRoute() {
  const { t, lang } = useI18n();
  return (
    <RecordEditPage
      permission="activity:write"
      useRecord={useActivity}
      notFound={<ActivityNotFound />}
      title={t('form.editTitle')}
      draft={activityDraft}
      toValues={activityToValues}
      check={checkActivityValues}
      fields={ACTIVITY_FIELDS}
      changes={changedActivityFields}
      saveError={(error, form) => saveErrorText(form, ACTIVITY_FIELDS, withFormFields(error), t, lang)}
      useUpdate={useUpdateActivity}
      noChanges={t('form.noChanges')}
      saved={t('form.saved')}
      detailPath={(activity) => `/activities/${activity.id}`}
      renderForm={(props) => <ActivityForm {...props} />}
    />
  );
}
