// The 工作总结 as a print-friendly HTML page: the same 公文 layout as the DOCX (A4, 版心 margins,
// fonts, 2-character indent, 22 lines a page, "— 1 —" page numbers at the outer corner) in CSS, so
// the browser's "print to PDF" gives a document close to the Word file. Every text is escaped; the
// page carries no script and a CSP that allows none.
import type { SummaryContent } from '@dutyboard/contracts/reports';
import { signOffLines } from '@dutyboard/contracts/summary-text';

export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Font stacks: the 公文 font first, then what Windows, macOS and Linux have instead (ADR 016). */
export const FONT_STACKS = {
  title:
    '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  heading1: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", sans-serif',
  heading2: '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif',
  pageNumber: '"宋体", "SimSun", "Noto Serif CJK SC", serif',
} as const;

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt ${FONT_STACKS.pageNumber}; padding-right: 1em; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt ${FONT_STACKS.pageNumber}; padding-left: 1em; vertical-align: top; padding-top: 7mm; } }
html { background: #f0f0f0; }
/* 28 characters a line: 16 pt less 0.25 pt each, as in the DOCX (BODY_CHARACTER_SPACING). */
body { margin: 0; color: #000; font-family: ${FONT_STACKS.body}; font-size: 16pt; line-height: 28.95pt; letter-spacing: -0.25pt; }
.sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 6px rgba(0,0,0,.2); }
.hint { width: 210mm; margin: 12px auto 0; font: 14px/1.5 system-ui, sans-serif; color: #555; text-indent: 0; letter-spacing: 0; }
p.addressee { text-indent: 0; }
h1 { margin: 0 0 28.95pt; font-family: ${FONT_STACKS.title}; font-size: 22pt; font-weight: normal; line-height: 28.95pt; letter-spacing: 0; text-align: center; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.h1 { font-family: ${FONT_STACKS.heading1}; }
p.h2 { font-family: ${FONT_STACKS.heading2}; }
p.h1, p.h2 { break-after: avoid; }
p { orphans: 2; widows: 2; }
.sign { break-inside: avoid; }
.sign { margin-top: 57.9pt; }
.sign p { text-indent: 0; text-align: right; }
@media print {
  html { background: none; }
  .hint { display: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}`;

/** The whole page. */
export function summaryHtml(content: SummaryContent): string {
  const lines = content.title
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(escapeHtml);
  const body: string[] = [`<h1>${lines.join('<br>')}</h1>`];
  // 主送, flush left under the title (a 专题汇报 to the level above, a 通报 to the units below).
  if (content.addressee) body.push(`<p class="addressee">${escapeHtml(content.addressee)}</p>`);
  for (const p of content.intro) body.push(`<p>${escapeHtml(p.text)}</p>`);
  for (const s of content.sections) {
    body.push(`<p class="h${s.level}">${escapeHtml(s.heading)}</p>`);
    for (const p of s.paragraphs) body.push(`<p>${escapeHtml(p.text)}</p>`);
  }
  // The date four characters in, the 署名 centred over it (GB/T 9704 §7.3.5), as in the DOCX.
  const sign = signOffLines(content.signOff);
  if (sign.length > 0) {
    const lines = sign.map((l) => `<p style="padding-right: ${l.indent}em">${escapeHtml(l.text)}</p>`);
    body.push(`<div class="sign">${lines.join('')}</div>`);
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title.replace(/\s*\n\s*/g, ''))}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="hint">打印版：使用浏览器的“打印”（Ctrl+P），目标选“另存为 PDF”，纸张 A4、边距“默认”、不打印页眉页脚。</p>
<main class="sheet">
${body.join('\n')}
</main>
</body>
</html>
`;
}
