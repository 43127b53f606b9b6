// Every colour the web app shows, declared once (ADR 032). Text colours meet WCAG AA (4.5:1) on
// white, on the page's grey and on the light tint of their own hue; colors.test.ts checks each
// pair. antd reads them as theme tokens (app/provider.tsx), our CSS as the `--db-*` variables the
// provider sets from `CSS_COLOR_VARIABLES`, and components import them by name.

/** Text greys as black at an opacity, like antd's own (they darken whatever they sit on). */
const black = (alpha: number) => `rgba(0, 0, 0, ${alpha})`;

export const COLORS = {
  /** The party red of the header rule, the product name and the chart's target line. */
  brand: '#a8071a',
  /** Links, primary buttons, selected menu items: antd's blue-7 (#1677ff is 4.1:1 on white). */
  primary: '#0958d9',
  /** A pointed-at or pressed link or button: darker, never lighter (antd's lighter hover is 3.9:1). */
  primaryHover: '#003eb3',
  primaryActive: '#002c8c',
  success: '#237804',
  /** Orange-8: antd's gold (#faad14) is 1.9:1 as text. */
  warning: '#ad4e00',
  error: '#cf1322',
  /** The pale tints behind status text (tags, alerts, pace cells) and their borders. */
  successBackground: '#f6ffed',
  successBorder: '#b7eb8f',
  warningBackground: '#fff7e6',
  warningBorder: '#ffd591',
  errorBackground: '#fff1f0',
  errorBorder: '#ffa39e',
  text: black(0.88),
  /** Labels and headings a step back. */
  textSecondary: black(0.65),
  /** Hints, counts, "未设定目标", placeholders: antd's 0.45 is 3.4:1, 0.6 is 5.6:1 on the page grey. */
  textTertiary: black(0.6),
  /** The page behind the cards. */
  pageBackground: '#f5f5f5',
  surface: '#ffffff',
  /** A hairline between rows. */
  divider: '#f0f0f0',
  /** The pale wash behind a hovered link row or chart column, in the brand's hue. */
  brandWash: 'rgba(168, 7, 26, 0.06)',
  /** The pale wash behind a summary paragraph being pointed at, in the links' hue. */
  primaryWash: 'rgba(9, 88, 217, 0.04)',
  /** The summary sheet's dotted underline of a figure without a list. */
  faintRule: black(0.35),
  /** The printed summary's ink. */
  ink: '#000000',
  /** Shadows and hairline frames of raised surfaces (the header, the summary sheet). */
  shadow: black(0.08),
  hairline: black(0.06),
  /** The empty part of a bar. */
  track: black(0.04),
  /** Behind a file's thumbnail. */
  subtleSurface: '#fafafa',
  /** The trend chart's monthly bars and its dashed plan line (shapes, not text). */
  chartBar: '#ff7875',
  chartPlan: '#8c8c8c',
} as const;

/**
 * A heat-table cell without a target: the links' blue at `alpha` (≤ 0.4, so the default text
 * stays ≥ 7:1 on it).
 */
export const heatTint = (alpha: number) => `rgba(9, 88, 217, ${alpha})`;

export type PaceTone = 'GREEN' | 'AMBER' | 'RED';

/** A pace's text on its tint (heat-table cells, bars, KPI figures): each pair ≥ 5:1. */
export const PACE_COLORS: Record<PaceTone, { background: string; color: string }> = {
  GREEN: { background: COLORS.successBackground, color: COLORS.success },
  AMBER: { background: COLORS.warningBackground, color: COLORS.warning },
  RED: { background: COLORS.errorBackground, color: COLORS.brand },
};

/**
 * antd's named tag colours (`<Tag color="gold">`) write their text in the palette's 7th shade on
 * its 1st; where that is below AA the text takes a darker shade. `tint` is antd's 1st shade, for
 * the test.
 */
export const PRESET_TAG_TEXT = {
  volcano: { text: '#ad2102', tint: '#fff2e8' },
  orange: { text: '#ad4e00', tint: '#fff7e6' },
  gold: { text: '#874d00', tint: '#fffbe6' },
  yellow: { text: '#876800', tint: '#feffe6' },
  lime: { text: '#3f6600', tint: '#fcffe6' },
  green: { text: '#237804', tint: '#f6ffed' },
  cyan: { text: '#006d75', tint: '#e6fffb' },
} as const;

/** The CSS variables our own stylesheets read (app.css, dashboard.css, reports.css). */
export const CSS_COLOR_VARIABLES = {
  '--db-brand': COLORS.brand,
  '--db-brand-wash': COLORS.brandWash,
  '--db-primary': COLORS.primary,
  '--db-text-secondary': COLORS.textSecondary,
  '--db-text-tertiary': COLORS.textTertiary,
  '--db-page-background': COLORS.pageBackground,
  '--db-surface': COLORS.surface,
  '--db-divider': COLORS.divider,
  '--db-primary-wash': COLORS.primaryWash,
  '--db-faint-rule': COLORS.faintRule,
  '--db-ink': COLORS.ink,
  '--db-shadow': COLORS.shadow,
  '--db-hairline': COLORS.hairline,
  '--db-track': COLORS.track,
} as const;
