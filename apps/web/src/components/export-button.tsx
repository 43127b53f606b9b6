// "导出" on a record list's head: the list with exactly the filter it shows, as Excel (xlsx) or
// CSV, from GET /api/exports/<list>. The file is fetched (same-origin cookie) rather than opened as
// a plain link, so a refusal — too many rows, a session that ran out — shows the server's sentence
// instead of a failed download.
import { DownloadOutlined } from '@ant-design/icons';
import { type ExportFormat, type ExportList, exportPath } from '@dutyboard/contracts/exports';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { ApiError, toApiError, toSearchParams } from '../lib/api-client.ts';
import { errorText } from '../lib/error-text.ts';
import { useI18n } from '../lib/i18n-provider.tsx';

/** The export URL of a list with its filter (empty values left out). */
export function exportHref(list: ExportList, format: ExportFormat, query: Record<string, string | undefined>): string {
  return `${exportPath(list)}?${toSearchParams({ ...query, format })}`;
}

/** The name the server gave the file (its Chinese filename*), else a plain one. */
function fileName(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed header: the plain name below will do.
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Fetches a file (same-origin cookie) and saves it under the server's name; a refusal throws the
 * server's error (ApiError), so the caller can say it.
 */
export async function downloadFile(href: string, fallback: string): Promise<void> {
  const response = await fetch(href, { credentials: 'same-origin' }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'network error');
  });
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, data);
  }
  save(await response.blob(), fileName(response.headers.get('content-disposition'), fallback));
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ExportButtonProps {
  /** A record list (GET /api/exports/<list>), or `path`: another export endpoint taking `format`. */
  list: ExportList | { path: string; name: string };
  /** The list's current filter, as the list page sends it (without cursor and limit). */
  query: Record<string, string | undefined>;
  size?: 'middle' | 'large';
}

export function ExportButton({ list, query, size = 'large' }: ExportButtonProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const download = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const href =
        typeof list === 'string'
          ? exportHref(list, format, query)
          : `${list.path}?${toSearchParams({ ...query, format })}`;
      await downloadFile(href, `${typeof list === 'string' ? list : list.name}.${format}`);
    } catch (error) {
      void message.error(`${t('export.failed')}：${errorText(error, lang, t)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      disabled={busy}
      menu={{
        items: [
          { key: 'xlsx', label: t('export.xlsx'), 'data-testid': 'export-xlsx' },
          { key: 'csv', label: t('export.csv'), 'data-testid': 'export-csv' },
        ],
        onClick: ({ key }) => void download(key === 'csv' ? 'csv' : 'xlsx'),
      }}
    >
      <Button
        size={size}
        icon={<DownloadOutlined />}
        loading={busy}
        title={t('export.hint')}
        data-testid="export-button"
      >
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
