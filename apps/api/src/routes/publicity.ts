import {
  CreatePublicityInputSchema,
  ListPublicityQuerySchema,
  PublicityItemSchema,
  PublicityPageSchema,
  UpdatePublicityInputSchema,
} from '@dutyboard/contracts/publicity';
import { publicityService } from '../services/publicity/publicity.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordPlugin } from './record-routes.ts';

export const publicityRoutes = recordPlugin({
  path: '/api/publicity',
  kind: RECORD_KINDS.PublicityItem,
  schemas: {
    query: ListPublicityQuerySchema,
    page: PublicityPageSchema,
    record: PublicityItemSchema,
    create: CreatePublicityInputSchema,
    update: UpdatePublicityInputSchema,
  },
  service: publicityService,
});
