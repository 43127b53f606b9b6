import {
  ActivityPageSchema,
  ActivitySchema,
  CreateActivityInputSchema,
  ListActivitiesQuerySchema,
  UpdateActivityInputSchema,
} from '@dutyboard/contracts/activities';
import { activityService } from '../services/activities/activities.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordPlugin } from './record-routes.ts';

export const activityRoutes = recordPlugin({
  path: '/api/activities',
  kind: RECORD_KINDS.Activity,
  schemas: {
    query: ListActivitiesQuerySchema,
    page: ActivityPageSchema,
    record: ActivitySchema,
    create: CreateActivityInputSchema,
    update: UpdateActivityInputSchema,
  },
  service: activityService,
});
