// Issue 16.9: a record that knows only its day (an imported date-only row) shows the date alone,
// not "… 00:00"; an evidence photo shows when it was taken (EXIF) beside when it was uploaded.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

// An 8×8 JPEG whose EXIF says DateTimeOriginal "2026:05:20 14:30:05" (made with sharp's withExif).
const JPEG_WITH_EXIF = Buffer.from(
  '/9j/4QDcRXhpZgAASUkqAAgAAAAGABIBAwABAAAAAQAAABoBBQABAAAAVgAAABsBBQABAAAAXgAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAGmHBAABAAAAZgAAAAAAAAA4YwAA6AMAADhjAADoAwAABwAAkAcABAAAADAyMTADkAIAFAAAAMAAAAABkQcABAAAAAECAwAAoAcABAAAADAxMDABoAMAAQAAAP//AAACoAQAAQAAAAgAAAADoAQAAQAAAAgAAAAAAAAAMjAyNjowNToyMCAxNDozMDowNQD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQAIoX/9k=',
  'base64',
);

for (const width of [390, 1440]) {
  test(`a date-only activity shows its day alone and its photo's capture time (${width} px)`, async ({ page }) => {
    await signInViaApi(page, 'secretary2');
    const me = await (await page.request.get('/api/me')).json();
    const title = uniqueTitle('只有日期');
    // As the importer stores a day without a time: 0:00 Shanghai, timeKnown false.
    const created = await page.request.post('/api/activities', {
      data: {
        orgId: me.org.id,
        category: 'THEME_PARTY_DAY',
        title,
        occurredAt: '2026-05-20T00:00:00+08:00',
        timeKnown: false,
        participants: 12,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const activity = await created.json();
    const upload = await page.request.post('/api/attachments', {
      multipart: {
        entityType: 'Activity',
        entityId: activity.id,
        file: { name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: JPEG_WITH_EXIF },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);

    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/activities/${activity.id}`);
    await expect(page.getByTestId('activity-occurred-at')).toHaveText('2026-05-20');
    await expect(page.getByTestId('attachment-captured-at')).toHaveText('拍摄于 2026-05-20 14:30');
    // The history names the flag in words, not as the column's name.
    await expect(page.getByTestId('history-change').filter({ hasText: '具体时刻已填' })).toHaveText(/→ 否/);
    // Its creation line names the day alone, not "2026-05-20 00:00".
    await expect(page.getByTestId('history-change').filter({ hasText: '活动时间' })).toHaveText(/→ 2026-05-20$/);
    await saveScreenshot(page, `p9-date-only-activity-${width}`);
  });
}

test('editing a date-only activity leaves its time empty, and saving another change keeps it date-only', async ({
  page,
}) => {
  await signInViaApi(page, 'secretary2');
  const me = await (await page.request.get('/api/me')).json();
  const created = await page.request.post('/api/activities', {
    data: {
      orgId: me.org.id,
      category: 'THEME_PARTY_DAY',
      title: uniqueTitle('只有日期-编辑'),
      occurredAt: '2026-05-20T00:00:00+08:00',
      timeKnown: false,
      participants: 12,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const activity = await created.json();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/activities/${activity.id}/edit`);
  await expect(page.getByLabel('活动日期')).toHaveValue('2026-05-20');
  await expect(page.getByLabel('时间')).toHaveValue('');
  await page.getByLabel('参加人数').fill('15');
  // antd puts a space between the two characters of a button.
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${activity.id}$`));
  await expect(page.getByTestId('activity-occurred-at')).toHaveText('2026-05-20');
  const read = await (await page.request.get(`/api/activities/${activity.id}`)).json();
  expect(read).toMatchObject({ participants: 15, timeKnown: false });
});

test('a date-only activity’s draft kept over an ended session still saves it date-only', async ({ page, context }) => {
  await signInViaApi(page, 'secretary2');
  const me = await (await page.request.get('/api/me')).json();
  const created = await page.request.post('/api/activities', {
    data: {
      orgId: me.org.id,
      category: 'THEME_PARTY_DAY',
      title: uniqueTitle('只有日期-草稿'),
      occurredAt: '2026-05-20T00:00:00+08:00',
      timeKnown: false,
      participants: 12,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const activity = await created.json();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/activities/${activity.id}/edit`);
  await expect(page.getByLabel('时间')).toHaveValue('');
  await page.getByLabel('参加人数').fill('16');
  // The session ends before Save: the values are kept as a draft, and the sign-in page says so.
  await context.clearCookies();
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByTestId('session-ended')).toContainText('草稿已保存');
  await page.getByLabel('用户名').fill('secretary2');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${activity.id}/edit$`));
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('参加人数')).toHaveValue('16');
  await expect(page.getByLabel('时间')).toHaveValue('');
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${activity.id}$`));
  await expect(page.getByTestId('activity-occurred-at')).toHaveText('2026-05-20');
  const read = await (await page.request.get(`/api/activities/${activity.id}`)).json();
  expect(read).toMatchObject({ participants: 16, timeKnown: false, occurredAt: '2026-05-19T16:00:00.000Z' });
});
