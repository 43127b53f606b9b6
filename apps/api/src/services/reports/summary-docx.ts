// The 工作总结 as a Word file in 公文 format (GB/T 9704-2012), written with the `docx` library — no
// template file: A4, margins 37/35/28/26 mm (版心 156 × 225 mm), title 2号 方正小标宋简体 centred,
// body 3号 仿宋_GB2312 with a 2-character first-line indent on an exact line pitch that gives 22
// lines a page, headings 一、 in 黑体 and （一） in 楷体_GB2312, page numbers "— 1 —" in 4号 宋体 at
// the outer corner (odd pages right, even pages left). Fonts are named as a government PC has
// them installed; what replaces them elsewhere is in docs/decisions/016-summary-and-docx.md.
import { writableText } from '@dutyboard/contracts/common';
import type { SummaryContent } from '@dutyboard/contracts/reports';
import { signOffLines } from '@dutyboard/contracts/summary-text';
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** 1 mm in twips (1/20 pt): 1440 / 25.4 = 56.6929…; layout values are rounded to the nearest. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (millimetres: number) => Math.round(millimetres * TWIPS_PER_MM);

/** GB/T 9704-2012 §5.2.1–5.2.2: A4 paper and the margins that leave a 156 × 225 mm 版心. */
export const GONGWEN_PAGE = {
  width: mm(210), // 11906
  height: mm(297), // 16838
  top: mm(37), // 2098
  bottom: mm(35), // 1984
  left: mm(28), // 1587
  right: mm(26), // 1474
  header: mm(15),
  // The page number's top is 7 mm below the 版心 (§7.5): 35 − 7 = 28 mm from the bottom edge,
  // minus one 4号 line (14 pt ≈ 5 mm) to the footer's bottom. At 28 mm the footer would reach into
  // the bottom margin and push the text up a line (21 lines a page instead of 22).
  footer: mm(23),
} as const;

/**
 * 22 lines in the 225 mm 版心 height: 225 mm = 12 755.9 twips, / 22 = 579.8. Rounded down to 579
 * (28.95 pt): 580 would need 12 760 twips and Word would then fit only 21 lines.
 */
export const LINE_TWIPS = Math.floor((mm(297) - mm(37) - mm(35)) / 22);

/** 字号 in half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;

/** The fonts as Word/WPS on a government PC know them (ADR 016 lists the fallbacks). */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** Two characters of 3号 (16 pt each) in twips, for readers that ignore firstLineChars. */
const INDENT_2_CHARS = 2 * 16 * 20;

/**
 * 28 characters a line (§5.2.2): the 版心 is 156 mm = 442.2 pt wide and 28 × 16 pt = 448 pt, so
 * each 3号 character gives up 0.25 pt (w:spacing −5 twentieths): 28 × 15.75 pt = 441 pt.
 */
export const BODY_CHARACTER_SPACING = -5;

/** One font for every script: CJK (eastAsia), Latin and digits (ascii/hAnsi), complex (cs). */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' });

const exactLine = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function run(text: string, fontName: string, size: number, options: { breakBefore?: boolean; spacing?: number } = {}) {
  return new TextRun({
    // A topic stored with a control character would make word/document.xml invalid XML.
    text: writableText(text),
    font: font(fontName),
    size,
    sizeComplexScript: size,
    ...(options.spacing ? { characterSpacing: options.spacing } : {}),
    ...(options.breakBefore ? { break: 1 } : {}),
  });
}

/**
 * A body paragraph or a heading; `keepNext` keeps it on the page of the paragraph after it (a
 * heading is never last on a page, and the last paragraph stays with the 落款).
 */
function bodyParagraph(text: string, fontName: string = FONTS.body, keepNext = false) {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: exactLine,
    indent: { firstLine: INDENT_2_CHARS, firstLineChars: 200 },
    ...(keepNext ? { keepNext: true } : {}),
    children: [run(text, fontName, SIZE.body, { spacing: BODY_CHARACTER_SPACING })],
  });
}

const blankLine = (keepNext = false) =>
  new Paragraph({
    spacing: exactLine,
    ...(keepNext ? { keepNext: true } : {}),
    children: [run('', FONTS.body, SIZE.body)],
  });

/** "— 1 —" in 4号 宋体, one character in from the outer edge (GB/T 9704 §7.5). */
function pageNumberFooter(side: 'odd' | 'even') {
  const oneChar = SIZE.pageNumber * 10; // 14 pt = 280 twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber),
            size: SIZE.pageNumber,
            sizeComplexScript: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

/** A paragraph of a 公文's body: text in the body's font, or a heading (一、 in 黑体, （一） in 楷体). */
export interface GongwenText {
  text: string;
  font: string;
  heading: boolean;
}
/** A table in the body (a 通报's ranking): a bold header row, then rows of text. */
export interface GongwenTable {
  header: string[];
  rows: string[][];
}
export type GongwenBlock = GongwenText | GongwenTable;

/** What any 公文 this writer lays out consists of (the 总结, the 考核情况通报). */
export interface GongwenDoc {
  /** "\n" splits the printed title lines. */
  title: string;
  /** The file's description property. */
  description: string;
  /** 主送机关 ("各街道党工委："), flush left under the title; none for a 总结. */
  addressee?: string;
  blocks: GongwenBlock[];
  signOff: { org: string; date: string };
}

const isTable = (b: GongwenBlock): b is GongwenTable => 'header' in b;

/** Table text in 4号 on single spacing: a ranking of seven columns does not fit 3号 in the 版心. */
function tableOf(t: GongwenTable) {
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              text: writableText(text),
              font: font(FONTS.body),
              size: SIZE.pageNumber,
              sizeComplexScript: SIZE.pageNumber,
              bold,
            }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, false)) })),
    ],
  });
}

/** A draft of any report kind as a .docx file (its 主送 under the title when it has one). */
export async function summaryDocx(content: SummaryContent): Promise<Buffer> {
  return gongwenDocx({
    title: content.title,
    description: `${content.title.split('\n').at(-1) ?? '意识形态工作总结'}（公文格式，GB/T 9704-2012）`,
    ...(content.addressee ? { addressee: content.addressee } : {}),
    blocks: [
      ...content.intro.map((p) => ({ text: p.text, font: FONTS.body, heading: false })),
      ...content.sections.flatMap((section) => [
        { text: section.heading, font: section.level === 1 ? FONTS.heading1 : FONTS.heading2, heading: true },
        ...section.paragraphs.map((p) => ({ text: p.text, font: FONTS.body, heading: false })),
      ]),
    ],
    signOff: content.signOff,
  });
}

/** Any 公文 as a .docx file: title, 主送, body paragraphs, headings and tables, 落款. */
export async function gongwenDocx(content: GongwenDoc): Promise<Buffer> {
  const titleLines = content.title
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const text = content.blocks;
  const lines = signOffLines(content.signOff);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      children: titleLines.map((line, i) => run(line, FONTS.title, SIZE.title, { breakBefore: i > 0 })),
    }),
    blankLine(),
    ...(content.addressee
      ? [
          new Paragraph({
            alignment: AlignmentType.BOTH,
            spacing: exactLine,
            children: [run(content.addressee, FONTS.body, SIZE.body, { spacing: BODY_CHARACTER_SPACING })],
          }),
        ]
      : []),
    ...text.map((p, i) =>
      isTable(p) ? tableOf(p) : bodyParagraph(p.text, p.font, p.heading || (i === text.length - 1 && lines.length > 0)),
    ),
  ];
  if (lines.length > 0) {
    // 落款: two blank lines below the text; the document's 成文日期 four characters in from the
    // right, the 署名 centred over it (GB/T 9704 §7.3.5, signOffLines); never on a page of its own.
    children.push(blankLine(true), blankLine(true));
    for (const [i, line] of lines.entries()) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: exactLine,
          // Body characters → twips: 3号 is 16 pt, a point is 20 twips.
          indent: { right: Math.round(line.indent * 16 * 20) },
          ...(i < lines.length - 1 ? { keepNext: true } : {}),
          children: [run(line.text, FONTS.body, SIZE.body, { spacing: BODY_CHARACTER_SPACING })],
        }),
      );
    }
  }

  const doc = new Document({
    creator: 'Dutyboard',
    title: writableText(content.title.replace(/\s*\n\s*/g, '')),
    description: content.description,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: GONGWEN_PAGE.width, height: GONGWEN_PAGE.height },
            margin: {
              top: GONGWEN_PAGE.top,
              bottom: GONGWEN_PAGE.bottom,
              left: GONGWEN_PAGE.left,
              right: GONGWEN_PAGE.right,
              header: GONGWEN_PAGE.header,
              footer: GONGWEN_PAGE.footer,
            },
          },
          // The exact line spacing gives the 22 lines; a snapping line grid would make LibreOffice
          // give the 2号 title two grid lines per line, so the grid only records the pitch.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_TWIPS },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
