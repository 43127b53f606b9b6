// Enum values and figures as the page names them, from the contracts' tables (labels.ts,
// figures.ts) that the exports, the DOCX and the 工作总结 read too, so the page and its files
// cannot disagree. The i18n dictionary keeps the UI's own text; it holds no enum values.
// Components take `nameOf` from useI18n(); plain functions take the language.
import { FIGURES } from '@dutyboard/contracts/figures';
import { figurePartLabel, type LabelTable, labelOf } from '@dutyboard/contracts/labels';
import type { Lang } from './i18n.ts';

/** One value's label in the UI language; a value the table lacks shows its code. */
export function enumLabel<K extends string>(table: LabelTable<K>, value: K, lang: Lang): string {
  return labelOf(table, value, lang);
}

/** A figure's name (FIGURES[x].label); an unknown one shows its key. */
export function figureLabel(figure: string, lang: Lang): string {
  return Object.hasOwn(FIGURES, figure) ? FIGURES[figure as keyof typeof FIGURES].label[lang] : figure;
}

/** A part of a figure (`breakdown[].key`): the enum label it is split by. */
export function partLabel(figure: string, key: string, lang: Lang): string {
  return figurePartLabel(figure, key, lang);
}

export type EnumLabel = <K extends string>(table: LabelTable<K>, value: K) => string;
