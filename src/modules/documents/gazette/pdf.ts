import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../../platform/http/errors.ts';
import { formatChineseDate } from '../../calendar/index.ts';

/** The CJK font shipped by Debian's fonts-noto-cjk; the collection member is named by its PostScript name. */
export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_FAMILY = 'NotoSansCJKsc-Regular';

export type GazettePdfIssue = {
  siteName: string;
  year: number;
  number: number;
  totalNumber: number | null;
  issueDate: string;
  title: string;
};

export type GazettePdfEntry = {
  section: string;
  kind: 'document' | 'interpretation';
  title: string;
  docNumber: string | null;
  orgName: string;
  date: string | null;
  /** Plain text of the item (documents: body_text; interpretations: their HTML turned into text). */
  text: string;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** HTML (sanitised body) to plain text with paragraph breaks, for the PDF. */
export function htmlToText(htmlText: string): string {
  return htmlText
    .replace(/<\s*(script|style)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*\/\s*(p|div|h[1-6]|li|tr|table|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/&#(\d{1,6});/g, (_m, n: string) => {
      const code = Number(n);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** How many table-of-contents lines fit on a page (A4, 11pt with spacing). */
const TOC_LINES_PER_PAGE = 18;

/**
 * One gazette issue as a PDF: a cover (title, year, number, date), a table of contents with page
 * numbers, then each item's text under its heading. Throws GAZETTE_FONT_MISSING if the CJK font is not
 * installed (the caller answers a Chinese error page).
 */
export async function renderGazettePdf(
  issue: GazettePdfIssue,
  entries: readonly GazettePdfEntry[],
  fontPath: string = CJK_FONT_PATH,
): Promise<Buffer> {
  if (!existsSync(fontPath)) throw new AppError('GAZETTE_FONT_MISSING');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${issue.siteName}公报 ${issue.year}年第${issue.number}期`,
      Author: issue.siteName,
      Subject: issue.title,
    },
  });
  try {
    doc.registerFont('cjk', fontPath, CJK_FONT_FAMILY);
    doc.font('cjk');
  } catch {
    throw new AppError('GAZETTE_FONT_MISSING');
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 128;

  // Cover.
  doc.moveDown(6);
  doc.fontSize(34).text(`${issue.siteName}公报`, { align: 'center', width });
  doc.moveDown(1.5);
  doc.fontSize(18).text(`${issue.year}年第${issue.number}期`, { align: 'center', width });
  if (issue.totalNumber) doc.fontSize(13).text(`（总第${issue.totalNumber}期）`, { align: 'center', width });
  doc.moveDown(1);
  doc.fontSize(15).text(issue.title, { align: 'center', width });
  doc.moveDown(1);
  doc.fontSize(12).text(`${issue.siteName}办公室编印    ${formatChineseDate(issue.issueDate)}出版`, {
    align: 'center',
    width,
  });

  // Reserve the table of contents pages; they are filled in once the item pages are known.
  const tocPages = Math.max(1, Math.ceil((entries.length + 2) / TOC_LINES_PER_PAGE));
  const tocStart = 1;
  for (let i = 0; i < tocPages; i++) doc.addPage();

  // Texts.
  const pageOf: number[] = [];
  let section: string | null = null;
  entries.forEach((e, i) => {
    doc.addPage();
    pageOf[i] = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    if (e.section && e.section !== section) {
      doc.fontSize(11).fillColor('#555555').text(`【${e.section}】`, { width });
      doc.fillColor('#000000').moveDown(0.5);
    }
    section = e.section;
    doc.fontSize(17).text(e.title, { align: 'center', width });
    const meta = [
      e.docNumber,
      e.orgName,
      e.date ? `${formatChineseDate(e.date)}${e.kind === 'document' ? '发布' : ''}` : null,
    ]
      .filter((x): x is string => Boolean(x))
      .join('    ');
    if (meta) {
      doc.moveDown(0.4);
      doc.fontSize(10.5).text(meta, { align: 'center', width });
    }
    doc.moveDown(1);
    const text = e.text.trim() === '' ? '（本项无正文）' : e.text;
    for (const para of text.split(/\n+/)) {
      const p = para.trim();
      if (p === '') continue;
      doc.fontSize(12).text(p, { width, lineGap: 4, indent: 24, align: 'justify' });
      doc.moveDown(0.3);
    }
  });

  // Table of contents.
  doc.switchToPage(tocStart);
  doc.fontSize(20).text('目    录', { align: 'center', width });
  doc.moveDown(1);
  let line = 0;
  let tocPage = tocStart;
  section = null;
  entries.forEach((e, i) => {
    if ((line >= TOC_LINES_PER_PAGE || doc.y > doc.page.height - 120) && tocPage < tocStart + tocPages - 1) {
      tocPage++;
      doc.switchToPage(tocPage);
      doc.x = doc.page.margins.left;
      doc.y = doc.page.margins.top;
      line = 0;
    }
    if (e.section && e.section !== section) {
      doc.fontSize(12).text(e.section, { width });
      line++;
    }
    section = e.section;
    const label = `${e.kind === 'interpretation' ? '    解读：' : ''}${e.title}${e.docNumber && e.kind === 'document' ? `（${e.docNumber}）` : ''}`;
    const pageNo = String((pageOf[i] ?? 0) + 1);
    const y = doc.y;
    doc.fontSize(11).text(label, doc.page.margins.left, y, {
      width: width - 40,
      lineBreak: true,
      height: 30,
      ellipsis: true,
    });
    const after = doc.y;
    doc.text(pageNo, doc.page.margins.left + width - 36, y, { width: 36, align: 'right' });
    doc.x = doc.page.margins.left;
    doc.y = Math.max(after, doc.y) + 4;
    line++;
  });

  // Page numbers (not on the cover).
  const range = doc.bufferedPageRange();
  for (let p = range.start + 1; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9)
      .text(`— ${p + 1} —`, doc.page.margins.left, doc.page.height - 40, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
