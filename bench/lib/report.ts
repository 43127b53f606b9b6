// The one table `pnpm bench` prints: measure | figure | target | met?, where "met?" says by how much a
// target is met or missed ("✔ 12 ms under", "✘ over by 8.0 ms (+27%)"). Pure, so it is unit-tested.

export type Unit = 'ms' | 's' | 'req/s' | 'KB' | 'MB' | '×';

export interface Target {
  /** '≤': the figure must not exceed the value (latency, size); '≥': must reach it (throughput). */
  bound: '≤' | '≥';
  value: number;
}

export interface ReportRow {
  measure: string;
  /** The judged figure; null when it could not be measured. */
  value: number | null;
  unit: Unit;
  /** Further figures shown after the judged one, e.g. "p50 3.1 · p99 6.0 · 240 req/s". */
  detail?: string;
  target?: Target;
  /** Why the figure is missing, shown in its place ("— floor.ts not written yet"). */
  missing?: string;
}

/** Digits that keep 3 significant figures for small values and no noise for large ones. */
export function formatNumber(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (unit === 'req/s') return value.toFixed(0);
  if (unit === '×') return value.toFixed(2);
  if (abs < 10) return value.toFixed(2);
  if (abs < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function withUnit(value: number, unit: Unit): string {
  const n = formatNumber(value, unit);
  return unit === '×' ? `${n}×` : `${n} ${unit}`;
}

export function targetMet(value: number, target: Target): boolean {
  return target.bound === '≤' ? value <= target.value : value >= target.value;
}

/**
 * "✔ 12.0 ms under" / "✘ over by 8.00 ms (+27%)" for an upper bound; "✔ 300 req/s above" /
 * "✘ short by 800 req/s (−40%)" for a lower bound; "—" when there is no figure or no target.
 */
export function verdict(value: number | null, unit: Unit, target: Target | undefined): string {
  if (value === null || !Number.isFinite(value) || !target) return '—';
  const gap = Math.abs(value - target.value);
  const percent = target.value === 0 ? '' : ` (${signedPercent((value - target.value) / target.value)})`;
  if (target.bound === '≤') {
    return targetMet(value, target) ? `✔ ${withUnit(gap, unit)} under` : `✘ over by ${withUnit(gap, unit)}${percent}`;
  }
  return targetMet(value, target) ? `✔ ${withUnit(gap, unit)} above` : `✘ short by ${withUnit(gap, unit)}${percent}`;
}

function signedPercent(fraction: number): string {
  const p = Math.round(fraction * 100);
  return p >= 0 ? `+${p}%` : `−${Math.abs(p)}%`;
}

export function figureText(row: ReportRow): string {
  if (row.value === null || !Number.isFinite(row.value)) return row.missing ? `— (${row.missing})` : '—';
  const main = withUnit(row.value, row.unit);
  return row.detail ? `${main}  (${row.detail})` : main;
}

export function targetText(row: ReportRow): string {
  return row.target ? `${row.target.bound} ${withUnit(row.target.value, row.unit)}` : '';
}

/** Characters a terminal draws two columns wide (CJK), so columns stay aligned with Chinese names. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain-text table with a header row and a rule under it; cells padded to the widest. */
export function renderTable(header: readonly string[], cells: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join(' │ ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}

export function renderReport(rows: readonly ReportRow[]): string {
  return renderTable(
    ['measure', 'figure', 'target', 'met?'],
    rows.map((r) => [r.measure, figureText(r), targetText(r), verdict(r.value, r.unit, r.target)]),
  );
}
