// A list page's filter lives in the URL (shareable, survives reload and back): this reads it
// through the page's own parser and writes changes back as search params.
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { isLocalDate } from './dates.ts';
import { VIA_PARAM } from './metric-links.ts';

/** A change to some of the filter's params; an empty value removes the param. */
export type FilterPatch<F> = Partial<Record<keyof F, string | undefined>>;

/** `params` with the patch applied: a value sets its param, an empty one removes it. */
export function patchParams(params: URLSearchParams, patch: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** `params` without `keys` (everything else, such as the sort order, stays). */
export function withoutParams(params: URLSearchParams, keys: readonly string[]): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of keys) next.delete(key);
  return next;
}

/** Reads one param; a contract's zod schema is one (its `safeParse`). */
interface ParamReader {
  safeParse: (value: string | null) => { success: boolean; data?: unknown };
}

type ReadValue<R> = R extends { safeParse: (value: string | null) => infer Result }
  ? Result extends { success: true; data: infer V }
    ? V
    : never
  : never;

/** The filter a set of params describes: each param through its reader, anything malformed left out. */
export type ParamsFilter<S extends Record<string, ParamReader>> = { [K in keyof S]?: ReadValue<S[K]> };

/**
 * A list's URL parser declared as one reader per param (a contract schema, `LocalDateParam`,
 * `FlagParam`): a malformed value is ignored rather than sent.
 */
export function paramsReader<S extends Record<string, ParamReader>>(readers: S) {
  return (params: URLSearchParams): ParamsFilter<S> => {
    const filter: Record<string, unknown> = {};
    for (const [key, reader] of Object.entries(readers)) {
      const read = reader.safeParse(params.get(key));
      filter[key] = read.success ? read.data : undefined;
    }
    return filter as ParamsFilter<S>;
  };
}

/** A Shanghai calendar day "YYYY-MM-DD" (a range's from or to). */
export const LocalDateParam = {
  safeParse: (value: string | null) =>
    isLocalDate(value) ? { success: true as const, data: value } : { success: false as const },
};

/** A yes/no narrowing ("overdue only", "on time only"), sent as the text the API expects. */
export const FlagParam = z.enum(['true', 'false']);

export interface UrlFilterOptions<F> {
  /** The filter the URL describes; the page's parser ignores anything malformed. */
  parse: (params: URLSearchParams) => F;
  /** The params that narrow the list: clearing removes them (the sort order is a preference and stays). */
  keys: readonly (keyof F & string)[];
  /** Whether the list is narrowed; by default, whether any of `keys` has a value. */
  isFiltered?: (filter: F) => boolean;
}

export function useUrlFilter<F>({ parse, keys, isFiltered }: UrlFilterOptions<F>) {
  const [params, setParams] = useSearchParams();
  const filter = parse(params);
  const filtered = isFiltered ? isFiltered(filter) : keys.some((key) => Boolean(filter[key]));
  // A list narrowed or widened is no longer the figure it was reached from: the origin goes.
  const changeFilter = (patch: FilterPatch<F>) => setParams(patchParams(params, { ...patch, [VIA_PARAM]: undefined }));
  const clearFilters = () => setParams(withoutParams(params, [...keys, VIA_PARAM]));
  return { filter, filtered, changeFilter, clearFilters };
}
