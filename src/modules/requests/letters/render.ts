/**
 * A letter as a Word document (.docx), laid out after the national style of official documents
 * (GB/T 9704): the agency's name in red as letterhead over a red rule, the title in 小标宋, the case number,
 * the body in 仿宋 三号 with two-character first-line indents, the remedies paragraph of a reply, and the
 * agency and date at the bottom right. Pure: a plain `LetterModel` in, a Buffer out.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { LetterModel } from './templates.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const RED = 'E60012';
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
/** 三号 = 16 pt; docx sizes are half-points. */
const BODY_SIZE = 32;
/** Two characters of 三号 in twips (first-line indent). */
const INDENT = 2 * 16 * 20;
/** Fixed line pitch of 28.95 pt (22 lines a page). */
const LINE = { line: 579, lineRule: LineRuleType.EXACT };
const MM = 56.7;
/** A4 with the margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const MARGINS = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH_PT = ((210 - 28 - 26) / 25.4) * 72;

/** Characters XML 1.0 cannot carry (staff text pasted from elsewhere may contain them). */
function clean(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const run = (text: string, extra: { size?: number; bold?: boolean; color?: string; title?: boolean } = {}) =>
  new TextRun({
    text: clean(text),
    font: extra.title ? TITLE_FONT : BODY_FONT,
    size: extra.size ?? BODY_SIZE,
    ...(extra.bold ? { bold: true } : {}),
    ...(extra.color ? { color: extra.color } : {}),
  });

/** The letterhead's type size: as large as 30 pt, smaller for a long agency name so it fits one line. */
function letterheadSize(name: string): number {
  const chars = Math.max(Array.from(name).length, 1);
  const pt = Math.min(30, Math.floor((TEXT_WIDTH_PT / chars) * 0.95));
  return Math.max(pt, 16) * 2;
}

function bodyParagraphs(body: string): Paragraph[] {
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    // The salutation ("张三：") sits flush left; every other paragraph is indented two characters.
    const salutation = i === 0 && /[:：]$/.test(line);
    return new Paragraph({
      spacing: LINE,
      alignment: AlignmentType.JUSTIFIED,
      ...(salutation ? {} : { indent: { firstLine: INDENT } }),
      children: [run(salutation ? line : line.trimStart())],
    });
  });
}

/** The .docx of one letter. */
export async function renderLetter(model: LetterModel): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      children: [run(model.agencyName, { size: letterheadSize(model.agencyName), color: RED, title: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 120 },
      children: [run(model.title, { size: 44, title: true })],
    }),
  ];
  if (model.docNo) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 360 },
        children: [run(model.docNo)],
      }),
    );
  }
  children.push(...bodyParagraphs(model.body));
  if (model.remedies) {
    children.push(
      new Paragraph({
        spacing: LINE,
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        children: [run(model.remedies)],
      }),
    );
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { ...LINE, before: 960 },
      indent: { right: INDENT },
      children: [run(model.agencyName)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: INDENT },
      children: [run(model.date)],
    }),
  );
  const doc = new Document({
    creator: clean(model.agencyName),
    title: clean(model.title),
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{ properties: { page: { margin: MARGINS } }, children }],
  });
  return Packer.toBuffer(doc);
}
