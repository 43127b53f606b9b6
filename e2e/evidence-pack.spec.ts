// The auditor makes the evidence pack of 和平社区党支部 for the current half year in the browser,
// watches it being made, downloads it and the zip checks out: the manifest's hashes match the
// bytes, the branch's newly uploaded evidence is in it, and the page's SHA-256 is the file's.
// The zip is read here with Node's zlib alone, independently of the library that wrote it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { EvidencePackManifestSchema } from '@dutyboard/contracts/evidence-packs';
import { periodContaining } from '@dutyboard/contracts/periods';
import { expect, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every entry of a zip by name, read through its central directory (stored or deflated). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

// A 1×1 PNG and a minimal PDF: the server reads a file's type from its bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('the auditor makes, downloads and verifies the evidence pack of a branch', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const half = periodContaining('HALF', new Date());
  const halfLabel = `${half.year}年${half.index === 1 ? '上' : '下'}半年`;

  // The branch's secretary records an activity with two evidence files this half year.
  const secretary = await browser.newContext();
  const secPage = await secretary.newPage();
  await signInViaApi(secPage, 'secretary2');
  const me = await (await secPage.request.get('/api/me')).json();
  expect(me.org.name).toBe('和平社区党支部');
  const title = uniqueTitle('证据包演练');
  const created = await secPage.request.post('/api/activities', {
    data: {
      orgId: me.org.id,
      category: 'THEME_PARTY_DAY',
      title,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      participants: 18,
    },
  });
  expect(created.status()).toBe(201);
  const activity = await created.json();
  for (const file of [
    { name: '现场照片.png', mimeType: 'image/png', buffer: PNG },
    { name: '签到表.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]) {
    const res = await secPage.request.post('/api/attachments', {
      multipart: { entityType: 'Activity', entityId: activity.id, file },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await secretary.close();

  // The auditor asks for the pack on the page.
  await signInViaApi(page, 'auditor');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/dashboard');
  // Through the navigation: 责任落实 → 证据包. The dashboard settles first (its charts load late and
  // move the page), and a hover menu that closed under a moving pointer is opened again.
  await expect(page.getByTestId('kpi-ACTIVITY-done')).toBeVisible();
  await expect(async () => {
    await page.getByRole('menuitem', { name: '责任落实' }).hover();
    await page.getByRole('link', { name: '证据包' }).click({ timeout: 3000 });
    await expect(page).toHaveURL(/\/evidence-packs/, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: '证据包' })).toBeVisible();
  await chooseOption(page, page.getByTestId('org-select'), '和平社区党支部');
  await chooseOption(page, page.getByTestId('period-select'), halfLabel);
  // A small pack can be done before a poll would see its progress bar: watch the page instead.
  await page.evaluate(() => {
    const seen = window as unknown as { sawPackProgress: boolean };
    seen.sawPackProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="evidence-pack"] [data-testid="pack-progress"]')) {
        seen.sawPackProgress = true;
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('generate-pack').click();

  const item = page.getByTestId('evidence-pack').first();
  await expect(item).toContainText('和平社区党支部');
  await expect(item).toContainText(halfLabel);
  // Being made: the progress bar first, then the download link.
  await expect(item.getByTestId('pack-download')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { sawPackProgress: boolean }).sawPackProgress)).toBe(true);
  await expect(item).toHaveAttribute('data-state', 'DONE');
  await expect(item.getByTestId('pack-progress')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId('pack-download').click()]);
  expect(download.suggestedFilename()).toBe(`证据包-和平社区党支部-${half.code}.zip`);
  const zip = await readFile(await download.path());
  // The page's SHA-256 is the downloaded file's.
  await expect(item.getByTestId('pack-sha256')).toContainText(sha(zip));

  const entries = unzip(zip);
  const manifest = EvidencePackManifestSchema.parse(JSON.parse((entries.get('manifest.json') ?? '').toString()));
  expect(manifest.pack).toMatchObject({
    orgName: '和平社区党支部',
    periodCode: half.code,
    requestedBy: '刘审计（督查）',
  });
  expect(manifest.files.map((f) => f.path).sort()).toEqual(
    [...entries.keys()].filter((p) => p !== 'manifest.json').sort(),
  );
  for (const file of manifest.files) {
    const bytes = entries.get(file.path);
    expect(bytes, file.path).toBeDefined();
    expect(sha(bytes ?? Buffer.alloc(0)), file.path).toBe(file.sha256);
    expect(bytes?.length, file.path).toBe(file.size);
  }
  const ours = manifest.files.filter((f) => f.entityId === activity.id);
  expect(ours.map((f) => f.sha256).sort()).toEqual([sha(PNG), sha(PDF)].sort());
  expect(ours.every((f) => f.path.startsWith('files/主题活动/') && f.path.includes(title))).toBe(true);
  expect(entries.has('records.xlsx')).toBe(true);
  expect(manifest.pack.counts.records.主题活动).toBeGreaterThanOrEqual(1);

  await saveScreenshot(page, 'evidence-pack-done');

  // On a phone the page still fits: the hash wraps instead of widening the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(item.getByTestId('pack-download')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'evidence-pack-390');
});
