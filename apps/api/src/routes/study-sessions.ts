import {
  CreateStudySessionInputSchema,
  ListStudySessionsQuerySchema,
  StudySessionPageSchema,
  StudySessionSchema,
  UpdateStudySessionInputSchema,
} from '@dutyboard/contracts/study-sessions';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { studySessionService } from '../services/study-sessions/study-sessions.ts';
import { recordPlugin } from './record-routes.ts';

export const studySessionRoutes = recordPlugin({
  path: '/api/study-sessions',
  kind: RECORD_KINDS.StudySession,
  schemas: {
    query: ListStudySessionsQuerySchema,
    page: StudySessionPageSchema,
    record: StudySessionSchema,
    create: CreateStudySessionInputSchema,
    update: UpdateStudySessionInputSchema,
  },
  service: studySessionService,
});
