import { describe, expect, it } from 'vitest';
import {
  PackPaths,
  packFileName,
  safeFileName,
  safeSegment,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiWallClock,
  UniqueNames,
} from './names.ts';

describe('safe names inside an evidence pack', () => {
  it('cannot climb out of its folder or name a folder', () => {
    expect(safeSegment('..', 60)).toBe('_');
    expect(safeSegment('.', 60)).toBe('_');
    expect(safeSegment('../../etc/passwd', 60)).toBe('_.._etc_passwd');
    expect(safeSegment('a/b\\c', 60)).toBe('a_b_c');
    expect(safeFileName('../../现场照片.jpg')).toBe('_.._现场照片.jpg');
    expect(safeFileName('')).toBe('附件');
  });

  it('keeps Chinese and replaces control characters and the characters Windows refuses', () => {
    expect(safeSegment('2026-03-15 红色歌曲:大家唱?\n第二场', 60)).toBe('2026-03-15 红色歌曲_大家唱_ 第二场');
    expect(safeSegment('a\u0007b', 60)).toBe('a_b');
    expect(safeSegment('会议纪要 <终稿>*|"', 60)).toBe('会议纪要 _终稿____');
    expect(safeSegment('CON', 60)).toBe('_CON');
    expect(safeSegment('  结尾的点...  ', 60)).toBe('结尾的点');
  });

  it('shortens by characters, never splitting a Chinese character, and keeps the extension', () => {
    const long = '很'.repeat(200);
    expect([...safeSegment(long, 60)]).toHaveLength(60);
    const name = safeFileName(`${long}.jpeg`, 100);
    expect(name.endsWith('.jpeg')).toBe(true);
    expect([...name]).toHaveLength(100);
  });

  it('makes the second file of the same name in a folder "name (2)", ignoring case', () => {
    const names = new UniqueNames();
    expect(names.take('files/a', 'photo.jpg')).toBe('photo.jpg');
    expect(names.take('files/a', 'PHOTO.jpg')).toBe('PHOTO (2).jpg');
    expect(names.take('files/a', 'photo.jpg')).toBe('photo (3).jpg');
    expect(names.take('files/b', 'photo.jpg')).toBe('photo.jpg');
    expect(names.take('files/a', '说明')).toBe('说明');
    expect(names.take('files/a', '说明')).toBe('说明 (2)');
  });

  it("puts each record's files in one folder named by its day and title, unique within its kind", () => {
    const paths = new PackPaths();
    const day = new Date('2026-03-15T02:00:00Z');
    const a = { entityType: 'Activity', id: 'a1', date: day, title: '红色歌曲:大家唱' };
    const b = { entityType: 'Activity', id: 'a2', date: day, title: '红色歌曲:大家唱' };
    expect(paths.fileOf('主题活动', a, '../photo.jpg')).toBe('files/主题活动/2026-03-15 红色歌曲_大家唱/_photo.jpg');
    expect(paths.fileOf('主题活动', a, 'photo.jpg')).toBe('files/主题活动/2026-03-15 红色歌曲_大家唱/photo.jpg');
    expect(paths.fileOf('主题活动', a, 'PHOTO.jpg')).toBe('files/主题活动/2026-03-15 红色歌曲_大家唱/PHOTO (2).jpg');
    expect(paths.fileOf('主题活动', b, 'photo.jpg')).toBe('files/主题活动/2026-03-15 红色歌曲_大家唱 (2)/photo.jpg');
  });

  it('names the download after the org and the period', () => {
    expect(packFileName('和平社区党支部', '2026-H1')).toBe('证据包-和平社区党支部-2026-H1.zip');
    expect(packFileName('a/b', '2026')).toBe('证据包-a_b-2026.zip');
  });
});

describe('Shanghai time in the manifest', () => {
  it('shows an instant on the Shanghai calendar and clock', () => {
    const at = new Date('2026-03-01T16:30:05Z');
    expect(shanghaiDate(at)).toBe('2026-03-02');
    expect(shanghaiDateTime(at)).toBe('2026-03-02 00:30:05');
  });

  it('gives zip entries a local clock that reads Shanghai time', () => {
    const wall = shanghaiWallClock(new Date('2026-03-01T16:30:05Z'));
    expect([wall.getFullYear(), wall.getMonth() + 1, wall.getDate(), wall.getHours(), wall.getMinutes()]).toEqual([
      2026, 3, 2, 0, 30,
    ]);
  });
});
