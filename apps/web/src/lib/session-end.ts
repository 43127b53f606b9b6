// A session that ends under a signed-in user (idle or absolute expiry, signed out elsewhere): the
// first request answered 401 notes whose it was (lib/query-client.ts), and the sign-in page the
// auth guard then shows says so — and whether the form they were saving was kept as a draft
// (lib/form-draft.ts) — instead of looking like a first visit. Kept in this tab's sessionStorage,
// so a reload of the sign-in page still says it; a successful sign-in forgets it.
import { hasDraftsOf } from './form-draft.ts';

const KEY = 'dutyboard.sessionEnded';

/** What the sign-in page says after an ended session: a draft was kept, or nothing was. */
export type SessionEndNotice = 'draftSaved' | 'signInAgain';

export function noteSessionEnded(userId: string): void {
  try {
    sessionStorage.setItem(KEY, userId);
  } catch {
    // Storage unavailable: the sign-in page just cannot say why.
  }
}

export function sessionEndNotice(): SessionEndNotice | null {
  let userId: string | null;
  try {
    userId = sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (!userId) return null;
  return hasDraftsOf(userId) ? 'draftSaved' : 'signInAgain';
}

export function forgetSessionEnd(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
