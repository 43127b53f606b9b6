// The meeting create the demo seed writes its 党工委 meetings through (prisma/seed.ts takes it, as it
// takes the 考核 steps, so the seed does not depend on the API): the API's own function.
import { createMeeting } from './committee-meetings.ts';

export const DEMO_MEETING_STEPS = { createMeeting };
