// The 考核 service steps the demo seed writes its campaign through (prisma/seed.ts takes them, as
// it takes the password hasher, so the seed does not depend on the API): the API's own functions.
import { openCampaign, saveReview, saveSelf, stepReturn } from './campaigns.ts';
import { createStarterScheme } from './schemes.ts';

export const DEMO_ASSESSMENT_STEPS = { createStarterScheme, openCampaign, saveSelf, saveReview, stepReturn };
