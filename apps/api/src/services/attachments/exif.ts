// When a photo was taken, from its EXIF block: DateTimeOriginal (tag 0x9003 in the Exif IFD), as
// sharp's metadata().exif hands it over ("Exif\0\0", then a TIFF header and its IFDs). Only that
// one tag is wanted, so this reads two IFDs rather than loading an EXIF library. Every offset is
// bounds-checked: a broken or hostile block answers null, never throws.
import { shanghaiWallClock } from '@dutyboard/contracts/periods';

const EXIF_IFD_POINTER = 0x8769;
const DATE_TIME_ORIGINAL = 0x9003;
const ASCII = 2;
const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;

interface Tiff {
  buf: Buffer;
  /** Where the TIFF header starts: offsets in the block count from here. */
  base: number;
  little: boolean;
}

function u16(t: Tiff, at: number): number | null {
  if (at < 0 || at + 2 > t.buf.length) return null;
  return t.little ? t.buf.readUInt16LE(at) : t.buf.readUInt16BE(at);
}

function u32(t: Tiff, at: number): number | null {
  if (at < 0 || at + 4 > t.buf.length) return null;
  return t.little ? t.buf.readUInt32LE(at) : t.buf.readUInt32BE(at);
}

/**
 * The entry of `tag` in the IFD at `offset`: its type, its count, and its 4-byte value field
 * (the value itself when it fits, else an offset from the TIFF header).
 */
function findEntry(t: Tiff, offset: number, tag: number): { type: number; count: number; value: number } | null {
  const start = t.base + offset;
  const entries = u16(t, start);
  if (entries === null) return null;
  for (let i = 0; i < entries; i++) {
    const at = start + 2 + i * 12;
    const entryTag = u16(t, at);
    if (entryTag === null) return null;
    if (entryTag !== tag) continue;
    const type = u16(t, at + 2);
    const count = u32(t, at + 4);
    const value = u32(t, at + 8);
    if (type === null || count === null || value === null) return null;
    return { type, count, value };
  }
  return null;
}

/** "2026:05:20 14:30:00" read as Shanghai wall-clock time (EXIF times carry no zone). */
export function exifDateToInstant(text: string): Date | null {
  const m = EXIF_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  // Cameras with no clock set write "0000:00:00 00:00:00": refused, as is any day that does not exist.
  return y < 1900 ? null : shanghaiWallClock(y, mo, d, h, mi, s);
}

/** The capture time in an EXIF block, or null when it has none (or cannot be read). */
export function exifCapturedAt(exif: Buffer | undefined): Date | null {
  if (!exif || exif.length < 8) return null;
  const base = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const order = exif.subarray(base, base + 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const t: Tiff = { buf: exif, base, little: order === 'II' };
  if (u16(t, base + 2) !== 42) return null;
  const ifd0 = u32(t, base + 4);
  if (ifd0 === null) return null;
  const pointer = findEntry(t, ifd0, EXIF_IFD_POINTER);
  if (!pointer) return null;
  // The pointer is one LONG, so its value field holds the Exif IFD's offset itself.
  const entry = findEntry(t, pointer.value, DATE_TIME_ORIGINAL);
  // "YYYY:MM:DD HH:MM:SS\0" is 20 bytes: too long to sit in the entry, so the field is an offset.
  if (!entry || entry.type !== ASCII || entry.count < 19) return null;
  const at = base + entry.value;
  if (at + 19 > exif.length) return null;
  return exifDateToInstant(exif.subarray(at, at + 19).toString('latin1'));
}
