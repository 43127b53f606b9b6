// Edit a 党工委 meeting (ADR 046: PATCH with If-Match), its 议定事项 included: the list is sent
// whole, so a new line becomes a task, a changed line changes its task and a removed line removes
// its task (asked first). A done 议定事项 is locked; if one was done meanwhile and is dropped, the
// server's 409 meeting.doneTaskKept is shown in the user's language.
import { type Meeting, UpdateMeetingInputSchema } from '@dutyboard/contracts/committee-meetings';
import { App, Card } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHead } from '../../../components/page-head.tsx';
import { RecordDetailRoute } from '../../../components/record-detail-page.tsx';
import { ForbiddenPage, StatusPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useMeeting, useUpdateMeeting } from '../api/meetings.ts';
import { MeetingForm, type MeetingValues, meetingBody, meetingValues } from '../components/meeting-form.tsx';
import { schemaProblem } from '../components/schema-problem.ts';

export function MeetingEditRoute() {
  const { t } = useI18n();
  return (
    <RecordDetailRoute
      useRecord={useMeeting}
      notFound={<StatusPage status="404" title={t('meetings.notFoundTitle')} text={t('meetings.notFoundText')} />}
      Detail={MeetingEdit}
    />
  );
}

function MeetingEdit({ record }: { record: Meeting }) {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const update = useUpdateMeeting(record.id, record.version);
  const [problem, setProblem] = useState<string | null>(null);
  // The values as loaded: a refetch after a refused save must not wipe what the user typed.
  const [initial] = useState(() => meetingValues(record, t('meetings.observerPrefix')));
  if (!can(me, 'meeting:write')) return <ForbiddenPage />;

  async function submit(v: MeetingValues) {
    setProblem(null);
    const parsed = UpdateMeetingInputSchema.safeParse(meetingBody(v, t('meetings.observerPrefix'), record));
    if (!parsed.success) {
      setProblem(schemaProblem(parsed.error));
      return;
    }
    try {
      await update.mutateAsync(parsed.data);
      void message.success(t('meetings.saved'));
      void navigate(`/committee-meetings/${record.id}`);
    } catch (error) {
      setProblem(errorText(error, lang, t));
    }
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }} data-testid="meeting-edit-page">
      <PageHead title={t('meetings.editTitle')} intro={record.orgName} />
      <Card>
        <MeetingForm
          editing
          initialValues={initial}
          onFinish={(v) => void submit(v)}
          saving={update.isPending}
          problem={problem}
        />
      </Card>
    </div>
  );
}
