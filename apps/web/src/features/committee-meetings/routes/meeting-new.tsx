// Record a 党工委 meeting on a phone in under a minute (the form: components/meeting-form.tsx);
// its 议定事项 become tasks on the responsibility list in the same save.
import { CreateMeetingInputSchema } from '@dutyboard/contracts/committee-meetings';
import { MEETING_KIND_LABELS } from '@dutyboard/contracts/labels';
import { App, Card } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHead } from '../../../components/page-head.tsx';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { useCreateMeeting } from '../api/meetings.ts';
import { MeetingForm, type MeetingValues, meetingBody, newMeetingValues } from '../components/meeting-form.tsx';
import { schemaProblem } from '../components/schema-problem.ts';

export function MeetingNewRoute() {
  const me = useCurrentUser();
  const { t, nameOf, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const keyOf = useSubmissionKey<unknown>();
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(v: MeetingValues) {
    setProblem(null);
    const parsed = CreateMeetingInputSchema.safeParse({
      orgId: v.orgId,
      ...meetingBody(v, t('meetings.observerPrefix')),
    });
    if (!parsed.success) {
      setProblem(schemaProblem(parsed.error));
      return;
    }
    try {
      const saved = await create.mutateAsync({ input: parsed.data, idempotencyKey: keyOf(parsed.data) });
      void message.success(t('meetings.saved'));
      void navigate(`/committee-meetings/${saved.id}`);
    } catch (error) {
      setProblem(errorText(error, lang, t));
    }
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
      <PageHead title={t('meetings.newTitle')} />
      <Card>
        <MeetingForm
          initialValues={newMeetingValues(me.displayName, nameOf(MEETING_KIND_LABELS, 'SPECIAL_STUDY'))}
          onFinish={(v) => void submit(v)}
          saving={create.isPending}
          problem={problem}
        />
      </Card>
    </div>
  );
}
