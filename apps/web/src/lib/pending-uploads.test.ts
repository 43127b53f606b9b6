import { describe, expect, it } from 'vitest';
import { dismissUpload, retryUpload, type SendUpload, startUploads, uploadsOf } from './pending-uploads.ts';

const photo = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: 'image/jpeg' });
let counter = 0;
const newKey = () => `key-${++counter}`;

describe('photos uploaded with a new record', () => {
  it('sends each file to exactly that record and keeps only the failed one, which a retry sends with the same key', async () => {
    const sent: string[] = [];
    let failOnce = true;
    const send: SendUpload = async (upload, onProgress) => {
      sent.push(`${upload.file.name}:${upload.key}`);
      onProgress(50);
      if (upload.file.name === 'b.jpg' && failOnce) {
        failOnce = false;
        throw new Error('connection reset');
      }
    };
    await startUploads('Activity', 'rec-1', [photo('a.jpg'), photo('b.jpg')], send, newKey);
    expect(uploadsOf('StudySession', 'rec-1')).toEqual([]);
    const [failed, ...rest] = uploadsOf('Activity', 'rec-1');
    expect(rest).toEqual([]);
    expect(failed).toMatchObject({ status: 'failed', file: { name: 'b.jpg' } });
    expect(String(failed?.error)).toContain('connection reset');

    await retryUpload('Activity', 'rec-1', failed?.key ?? '');
    expect(uploadsOf('Activity', 'rec-1')).toEqual([]);
    const keyOfB = sent.filter((s) => s.startsWith('b.jpg')).map((s) => s.split(':')[1]);
    expect(keyOfB).toHaveLength(2);
    expect(new Set(keyOfB).size).toBe(1);
  });

  it('lets a failed file be dismissed, and starts nothing for a record saved without photos', async () => {
    await startUploads('Activity', 'rec-2', [], () => Promise.resolve(), newKey);
    expect(uploadsOf('Activity', 'rec-2')).toEqual([]);
    await startUploads('Activity', 'rec-3', [photo('c.jpg')], () => Promise.reject(new Error('offline')), newKey);
    const [failed] = uploadsOf('Activity', 'rec-3');
    dismissUpload('Activity', 'rec-3', failed?.key ?? '');
    expect(uploadsOf('Activity', 'rec-3')).toEqual([]);
  });
});
