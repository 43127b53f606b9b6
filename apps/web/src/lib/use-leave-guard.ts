// While an editor holds unsaved changes, leaving its page asks first (issue 16.2): an in-app link
// or Back is held by the router until the user answers — "stay" keeps the page and the edits as
// they are, "leave" goes on after `onLeave` has put the edits aside (a draft the editor restores
// when it opens again, lib/form-draft.ts) — and a reload or closing the tab gets the browser's
// own question.
//
// react-router honours only one blocker at a time (the last registered), so the blocker is
// registered only while an editor is dirty: `useLeaveGuard` returns the guard as an element the
// editor renders, and a clean editor renders nothing that blocks.
import { App } from 'antd';
import { createElement, type ReactElement, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from './i18n-provider.tsx';

export interface LeaveGuardOptions {
  /** Puts the edits aside before the page is left (e.g. into the editor's draft store). */
  onLeave?: () => void;
  /**
   * Whether a navigation leaves the editor (default: another path; the editor's own search
   * params — period, org, draft — are changed by its controls, which ask for themselves).
   */
  leaves?: (from: { pathname: string; search: string }, to: { pathname: string; search: string }) => boolean;
}

const otherPath: NonNullable<LeaveGuardOptions['leaves']> = (from, to) => from.pathname !== to.pathname;

function ActiveLeaveGuard({ onLeave, leaves = otherPath }: LeaveGuardOptions) {
  const { modal } = App.useApp();
  const { t } = useI18n();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => leaves(currentLocation, nextLocation));
  // The latest blocker and callback, for the dialog opened at the moment of blocking.
  const latest = useRef({ blocker, onLeave });
  latest.current = { blocker, onLeave };

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const dialog = modal.confirm({
      title: t('leave.title'),
      content: t('leave.content'),
      okText: t('leave.ok'),
      cancelText: t('leave.stay'),
      okButtonProps: { danger: true, 'data-testid': 'leave-ok' },
      cancelButtonProps: { 'data-testid': 'leave-stay' },
      onOk: () => {
        latest.current.onLeave?.();
        latest.current.blocker.proceed?.();
      },
      onCancel: () => latest.current.blocker.reset?.(),
    });
    return () => dialog.destroy();
  }, [blocker.state, modal, t]);

  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      latest.current.onLeave?.();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, []);
  return null;
}

/** The guard of an editor: render the element it returns; it holds navigation only while `dirty`. */
export function useLeaveGuard(dirty: boolean, options: LeaveGuardOptions = {}): ReactElement | null {
  return dirty ? createElement(ActiveLeaveGuard, options) : null;
}
