// One Idempotency-Key per submitted body: sending the same values again (a double tap, a retry
// after a lost answer on a bad connection) reuses the key, so the server answers with the record
// it already made instead of making a second; changed values are a new request with a new key.
import { useRef } from 'react';
import { randomUuid } from './api-upload.ts';

export function useSubmissionKey<T>(): (input: T) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (input: T): string => {
    const body = JSON.stringify(input);
    if (last.current?.body !== body) last.current = { body, key: randomUuid() };
    return last.current.key;
  };
}
