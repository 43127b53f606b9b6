// While an editor holds unsaved changes, leaving its page asks first: an in-app link or Back is
// held by the router until the user confirms (Back stays on the page and keeps the edits when
// they cancel), and a reload or closing the tab gets the browser's own question.
import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

export interface LeaveGuardWords {
  title: string;
  content: string;
  okText: string;
  cancelText: string;
}

export function useLeaveGuard(dirty: boolean, words: LeaveGuardWords): void {
  const { modal } = App.useApp();
  // Only another page counts as leaving: the editor's own search params (period, org, draft) are
  // changed by its controls, which ask for themselves.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const { state } = blocker;
  // One question per blocked navigation, with the words and blocker of that moment.
  useEffect(() => {
    if (state !== 'blocked') return;
    modal.confirm({
      ...words,
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed?.(),
      onCancel: () => blocker.reset?.(),
    });
  }, [state]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}
