// Whether the page is laid out for a phone: below antd's `md` breakpoint (768 px), the width at
// which the frame moves its navigation into a drawer (app/layout.tsx), or any touch-first screen.
// Pickers then take no typing (no soft keyboard over the calendar) and dropdowns no search.
import { Grid } from 'antd';
import { useSyncExternalStore } from 'react';

const COARSE = '(pointer: coarse)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia?.(COARSE);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const coarsePointer = () => window.matchMedia?.(COARSE).matches ?? false;

export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  const touch = useSyncExternalStore(subscribe, coarsePointer, () => false);
  return touch || screens.md === false;
}
