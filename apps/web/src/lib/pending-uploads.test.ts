import { describe, expect, it } from 'vitest';
import { handOverUploads, hasPendingUploads, takeUploads } from './pending-uploads.ts';

const photo = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: 'image/jpeg' });

describe('pending uploads', () => {
  it("hands a form's photos to exactly that record's page, once", () => {
    const files = [photo('a.jpg'), photo('b.jpg')];
    handOverUploads('Activity', 'rec-1', files);
    expect(hasPendingUploads('Activity', 'rec-1')).toBe(true);
    expect(hasPendingUploads('StudySession', 'rec-1')).toBe(false);
    expect(takeUploads('StudySession', 'rec-1')).toEqual([]);
    expect(takeUploads('Activity', 'rec-1').map((f) => f.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(takeUploads('Activity', 'rec-1')).toEqual([]);
    expect(hasPendingUploads('Activity', 'rec-1')).toBe(false);
  });

  it('leaves nothing for a record saved without photos', () => {
    handOverUploads('Activity', 'rec-2', []);
    expect(hasPendingUploads('Activity', 'rec-2')).toBe(false);
  });
});
