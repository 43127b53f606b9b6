import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordDraft } from './form-draft.ts';
import { forgetSessionEnd, noteSessionEnded, sessionEndNotice } from './session-end.ts';

/** A Map-backed sessionStorage: the unit project runs in Node, which has none. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const notes = recordDraft<{ title: string | undefined }>('note', {
  title: { load: (v) => (typeof v === 'string' ? v : undefined) },
});

describe('the sign-in notice after a session ended', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('says nothing on a first visit', () => {
    expect(sessionEndNotice()).toBeNull();
  });

  it('says the draft was kept when the user whose session ended has one', () => {
    notes.save(notes.key('user-1'), { title: '主题党日' });
    noteSessionEnded('user-1');
    expect(sessionEndNotice()).toBe('draftSaved');
  });

  it("asks to sign in again when nothing was kept, even if another user's draft is in the tab", () => {
    notes.save(notes.key('user-2'), { title: '主题党日' });
    noteSessionEnded('user-1');
    expect(sessionEndNotice()).toBe('signInAgain');
  });

  it('is forgotten after signing in', () => {
    noteSessionEnded('user-1');
    forgetSessionEnd();
    expect(sessionEndNotice()).toBeNull();
  });
});
