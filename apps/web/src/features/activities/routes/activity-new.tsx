import { ActivityCategorySchema } from '@dutyboard/contracts/activities';
import { useSearchParams } from 'react-router';
import { RecordNewPage } from '../../../components/record-form-page.tsx';
import { saveErrorText } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateActivity } from '../api/save-activity.ts';
import { activityDraft } from '../components/activity-draft.ts';
import { ActivityForm } from '../components/activity-form.tsx';
import {
  ACTIVITY_FIELDS,
  checkActivityValues,
  newActivityValues,
  withFormFields,
} from '../components/activity-form-values.ts';

export function ActivityNewRoute() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  // A figure's gap on the home opens the form on its category (?category=PARTY_LECTURE).
  const wanted = ActivityCategorySchema.safeParse(params.get('category'));
  return (
    <RecordNewPage
      permission="activity:write"
      title={t('form.newTitle')}
      noWritableOrg={t('form.noWritableOrg')}
      draft={activityDraft}
      defaults={(orgId) => ({
        ...newActivityValues(orgId),
        category: wanted.success ? wanted.data : undefined,
      })}
      check={checkActivityValues}
      fields={ACTIVITY_FIELDS}
      saveError={(error, form) => saveErrorText(form, ACTIVITY_FIELDS, withFormFields(error), t, lang)}
      useCreate={useCreateActivity}
      saved={t('form.saved')}
      detailPath={(activity) => `/activities/${activity.id}`}
      photos={{ entityType: 'Activity', id: (activity) => activity.id }}
      renderForm={(props) => <ActivityForm {...props} />}
    />
  );
}
