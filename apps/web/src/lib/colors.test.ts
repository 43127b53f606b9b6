// The palette's text colours against what they are shown on, by the WCAG 2.x contrast formula:
// AA asks 4.5:1 for body text. A colour changed in lib/colors.ts that fails here would fail axe on
// some page; this says which pair at once.
import { describe, expect, it } from 'vitest';
import { COLORS, heatTint, PACE_COLORS, PRESET_TAG_TEXT } from './colors.ts';

type Rgba = [number, number, number, number];

function parse(color: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex?.[1]) {
    const n = Number.parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(color);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), Number(rgba[4])];
  throw new Error(`not a colour this test reads: ${color}`);
}

/** `top` painted over the opaque `bottom`. */
function over(top: string, bottom: string): Rgba {
  const [r, g, b, a] = parse(top);
  const [R, G, B] = parse(bottom);
  return [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(text: string, background: string): number {
  const a = luminance(over(text, background));
  const b = luminance(parse(background));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const AA = 4.5;
const WHITE = '#ffffff';

describe('the palette meets WCAG AA for text', () => {
  it('pins the formula: antd’s default blue is 4.1:1 on white, below AA', () => {
    expect(contrast('#1677ff', WHITE)).toBeCloseTo(4.1, 1);
    expect(contrast('#1677ff', WHITE)).toBeLessThan(AA);
  });

  const onSurfaces = [
    'brand',
    'primary',
    'success',
    'warning',
    'error',
    'text',
    'textSecondary',
    'textTertiary',
  ] as const;
  for (const name of onSurfaces) {
    it(`${name} is readable on white and on the page grey`, () => {
      expect(contrast(COLORS[name], COLORS.surface)).toBeGreaterThanOrEqual(AA);
      expect(contrast(COLORS[name], COLORS.pageBackground)).toBeGreaterThanOrEqual(AA);
      expect(contrast(COLORS[name], COLORS.subtleSurface)).toBeGreaterThanOrEqual(AA);
    });
  }

  it('white text is readable on primary, success and error buttons and solid tags', () => {
    for (const fill of [COLORS.primary, COLORS.success, COLORS.error, COLORS.brand]) {
      expect(contrast(WHITE, fill)).toBeGreaterThanOrEqual(AA);
    }
  });

  it('status text is readable on its own tint (tags, alerts)', () => {
    expect(contrast(COLORS.success, COLORS.successBackground)).toBeGreaterThanOrEqual(AA);
    expect(contrast(COLORS.warning, COLORS.warningBackground)).toBeGreaterThanOrEqual(AA);
    expect(contrast(COLORS.error, COLORS.errorBackground)).toBeGreaterThanOrEqual(AA);
    expect(contrast(COLORS.primaryHover, COLORS.surface)).toBeGreaterThanOrEqual(AA);
  });

  for (const [name, { text, tint }] of Object.entries(PRESET_TAG_TEXT)) {
    it(`a ${name} tag's text is readable on its tint`, () => {
      expect(contrast(text, tint)).toBeGreaterThanOrEqual(AA);
    });
  }

  for (const [pace, tone] of Object.entries(PACE_COLORS)) {
    it(`the ${pace} pace text is readable on its tint`, () => {
      expect(contrast(tone.color, tone.background)).toBeGreaterThanOrEqual(AA);
    });
  }

  it('a heat-table cell’s text stays readable on the strongest tint', () => {
    const strongest = over(heatTint(0.4), WHITE);
    const background = `rgba(${strongest.slice(0, 3).map(Math.round).join(', ')}, 1)`;
    expect(contrast(COLORS.text, background)).toBeGreaterThanOrEqual(AA);
  });
});
