// Reads and writes of 考核细则 (ADR 040, 043): the schemes of the caller's org, one scheme, and its
// changes — create from the starter, copy, save (If-Match), delete, put in use — plus the xlsx
// export and import. A save names the version it was read at; a 412 leaves the editor's state alone.
import {
  SCHEME_IMPORT_PATH,
  SchemeImportWarningSchema,
  schemeXlsxPath,
} from '@dutyboard/contracts/assessment-scheme-xlsx';
import {
  type CopySchemeInput,
  type Scheme,
  SchemeListSchema,
  SchemeSchema,
  type StarterSchemeInput,
  type UpdateSchemeInput,
} from '@dutyboard/contracts/assessments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api, toApiError, toSearchParams } from '../../../lib/api-client.ts';
import { uploadFile } from '../../../lib/api-upload.ts';

const KEY = ['assessments', 'schemes'] as const;

export function useSchemes() {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) => api.get('/api/assessment-schemes', { schema: SchemeListSchema, signal }),
  });
}

export function useScheme(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get(`/api/assessment-schemes/${id}`, { schema: SchemeSchema, signal }),
  });
}

type Create = { how: 'starter'; body: StarterSchemeInput } | { how: 'copy'; from: string; body: CopySchemeInput };

/** A new draft: from the starter rules or a copy; the list is read again. */
export function useCreateScheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: Create) =>
      c.how === 'starter'
        ? api.post('/api/assessment-schemes/starter', c.body, { schema: SchemeSchema })
        : api.post(`/api/assessment-schemes/${c.from}/copy`, c.body, { schema: SchemeSchema }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...KEY, 'one', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

type Write = { what: 'save'; body: UpdateSchemeInput } | { what: 'use' } | { what: 'delete' };

/** A change of the scheme at the version shown; the answer replaces the cached scheme. */
export function useSchemeWrite(current: Scheme | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (w: Write): Promise<Scheme | null> => {
      if (!current) throw new Error('no scheme loaded');
      const url = `/api/assessment-schemes/${current.id}`;
      const headers = { 'If-Match': `"${current.version}"` };
      if (w.what === 'save') return api.patch(url, w.body, { schema: SchemeSchema, headers });
      if (w.what === 'use') return api.post(`${url}/use`, undefined, { schema: SchemeSchema, headers });
      await api.delete(url, { headers });
      return null;
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData([...KEY, 'one', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

/** The export as the file the server named (its Chinese filename*). */
export async function downloadSchemeXlsx(id: string): Promise<void> {
  const response = await fetch(schemeXlsxPath(id), { credentials: 'same-origin' }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'network error');
  });
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  const encoded = response.headers.get('content-disposition')?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = encoded ? decodeURIComponent(encoded) : 'scheme.xlsx';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const ImportedSchemeSchema = SchemeSchema.extend({ importWarnings: z.array(SchemeImportWarningSchema) });
export type ImportedScheme = z.infer<typeof ImportedSchemeSchema>;

export interface ImportTarget {
  org: string;
  period: string;
  level?: string;
  name?: string;
  total?: number;
}

/** Uploads a sheet as a new draft; a 400 carries the problems (row, column, reason) in its details. */
export function useImportScheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, file }: { target: ImportTarget; file: File }) =>
      uploadFile(`${SCHEME_IMPORT_PATH}?${toSearchParams({ ...target, total: target.total?.toString() })}`, {}, file, {
        schema: ImportedSchemeSchema,
        idempotencyKey: crypto.randomUUID(),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...KEY, 'one', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}
