// Names inside an evidence pack: path segments that are safe on every unzip tool (no "..", no
// separators, no characters Windows refuses; Chinese kept), unique within their folder, and the
// Shanghai-time stamps the manifest shows.
import { writableText } from '@dutyboard/contracts/common';
import { SHANGHAI_OFFSET_MS } from '@dutyboard/contracts/periods';

/** Longest folder name of a record ("2026-03-15 红色歌曲大家唱…"), in characters. */
export const RECORD_DIR_MAX = 60;
/** Longest evidence file name kept, in characters (the extension is kept whole). */
export const FILE_NAME_MAX = 100;

// Windows refuses these as names whatever their extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * One path segment: runs of white space become one space; separators, control characters and
 * the characters Windows refuses become "_"; leading and trailing dots and spaces go (so "." and ".."
 * cannot survive), at most `max` characters (code points, so a Chinese character is never cut in
 * half). Empty results become `fallback`.
 */
export function safeSegment(raw: string, max: number, fallback = '_'): string {
  const cleaned = writableText(
    raw
      // Line breaks and tabs in a title read as spaces.
      .replace(/\s+/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_'),
  ).replace(/^[\s.]+|[\s.]+$/g, '');
  const cut = [...cleaned]
    .slice(0, max)
    .join('')
    .replace(/[\s.]+$/g, '');
  if (!cut) return fallback;
  return RESERVED.test(cut) ? `_${cut}` : cut;
}

/** A file name made safe; a long name is shortened before its extension, which is kept. */
export function safeFileName(raw: string, max = FILE_NAME_MAX): string {
  const name = safeSegment(raw, Number.MAX_SAFE_INTEGER, '附件');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = ext ? name.slice(0, dot) : name;
  const chars = [...stem];
  if (chars.length + [...ext].length <= max) return name;
  return safeSegment(chars.slice(0, Math.max(1, max - [...ext].length)).join('') + ext, max, '附件');
}

/**
 * Hands out names unique within each folder, ignoring case (Windows and macOS folders do): the
 * second "photo.jpg" becomes "photo (2).jpg".
 */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(folder: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
      const key = `${folder}/${candidate}`.toLowerCase();
      if (!this.used.has(key)) {
        this.used.add(key);
        return candidate;
      }
    }
  }
}

/**
 * Where each evidence file goes in the pack: files/<kind>/<day title>/<file name>, one folder per
 * record (named by its Shanghai day and title, unique within its kind; the id when nothing of the
 * title is left) and file names unique within their folder.
 */
export class PackPaths {
  private readonly names = new UniqueNames();
  private readonly folders = new Map<string, string>();

  fileOf(kindName: string, record: { entityType: string; id: string; date: Date; title: string }, fileName: string) {
    const key = `${record.entityType}:${record.id}`;
    let folder = this.folders.get(key);
    if (!folder) {
      const label = safeSegment(`${shanghaiDate(record.date)} ${record.title}`, RECORD_DIR_MAX, record.id);
      folder = `files/${kindName}/${this.names.take(`files/${kindName}`, label)}`;
      this.folders.set(key, folder);
    }
    return `${folder}/${this.names.take(folder, safeFileName(fileName, FILE_NAME_MAX))}`;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  const s = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
}

/** "YYYY-MM-DD HH:mm:ss" of an instant in Asia/Shanghai. */
export function shanghaiDateTime(at: Date): string {
  const s = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${shanghaiDate(at)} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}`;
}

/**
 * The Date whose *local* clock reads the Shanghai wall time of `at`. Zip entries store a DOS
 * time without a zone, which fflate fills from the local clock; the people who open the pack
 * are in Shanghai, whatever zone the server runs in.
 */
export function shanghaiWallClock(at: Date): Date {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS + at.getTimezoneOffset() * 60_000);
}

/** The download's name: "证据包-和平社区党支部-2026-H1.zip". */
export function packFileName(orgName: string, periodCode: string): string {
  return `证据包-${safeSegment(orgName, 80, '组织')}-${periodCode}.zip`;
}
