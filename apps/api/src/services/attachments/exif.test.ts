import { describe, expect, it } from 'vitest';
import { exifCapturedAt, exifDateToInstant } from './exif.ts';

/** A minimal EXIF block: IFD0 with the Exif IFD pointer, the Exif IFD with DateTimeOriginal. */
function exifBlock(date: string | null, little: boolean, prefix = true): Buffer {
  const tiff = Buffer.alloc(8 + 18 + 18 + 20);
  const w16 = (v: number, at: number) => (little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const w32 = (v: number, at: number) => (little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  tiff.write(little ? 'II' : 'MM', 0, 'latin1');
  w16(42, 2);
  w32(8, 4); // IFD0 at 8
  w16(1, 8); // one entry
  w16(0x8769, 10); // Exif IFD pointer
  w16(4, 12); // LONG
  w32(1, 14);
  w32(26, 18); // Exif IFD at 26
  w32(0, 22); // no next IFD
  w16(date === null ? 0 : 1, 26);
  w16(0x9003, 28); // DateTimeOriginal
  w16(2, 30); // ASCII
  w32(20, 32);
  w32(44, 36); // its text at 44
  w32(0, 40);
  if (date !== null) tiff.write(`${date}\0`, 44, 'latin1');
  return prefix ? Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]) : tiff;
}

describe('exifCapturedAt', () => {
  it('reads DateTimeOriginal as Shanghai wall-clock time, in either byte order', () => {
    for (const little of [true, false]) {
      expect(exifCapturedAt(exifBlock('2026:05:20 14:30:05', little))?.toISOString()).toBe('2026-05-20T06:30:05.000Z');
    }
    expect(exifCapturedAt(exifBlock('2026:05:20 14:30:05', true, false))?.toISOString()).toBe(
      '2026-05-20T06:30:05.000Z',
    );
  });

  it('answers null when there is no block, no tag, or an unset clock', () => {
    expect(exifCapturedAt(undefined)).toBeNull();
    expect(exifCapturedAt(exifBlock(null, true))).toBeNull();
    expect(exifCapturedAt(exifBlock('0000:00:00 00:00:00', true))).toBeNull();
    expect(exifCapturedAt(exifBlock('2026:02:30 10:00:00', true))).toBeNull();
  });

  it('answers null, never throws, on a cut-off or garbled block', () => {
    const whole = exifBlock('2026:05:20 14:30:05', true);
    // Every cut before the text's last character (only its closing NUL may go missing).
    for (let length = 0; length < whole.length - 1; length++) {
      expect(exifCapturedAt(whole.subarray(0, length))).toBeNull();
    }
    const badOffset = Buffer.from(whole);
    badOffset.writeUInt32LE(0xfffffff0, 6 + 18); // the Exif IFD pointer points past the end
    expect(exifCapturedAt(badOffset)).toBeNull();
    expect(exifCapturedAt(Buffer.from('not exif at all, just bytes'))).toBeNull();
  });
});

describe('exifDateToInstant', () => {
  it('takes the text as the Shanghai clock', () => {
    expect(exifDateToInstant('2026:01:01 00:00:00')?.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(exifDateToInstant('2026-01-01 00:00:00')).toBeNull();
  });
});
