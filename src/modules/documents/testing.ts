/** Test fixtures: small real .docx, .pdf and .xlsx files written with the libraries (tests only). */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export async function makeDocx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A .docx with paragraphs, then a table (the first row its column names, not marked as a header). */
export async function makeDocxWithTable(lines: string[], rows: string[][]): Promise<Uint8Array> {
  const table = new Table({
    rows: rows.map(
      (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
    ),
  });
  const doc = new Document({ sections: [{ children: [...lines.map((l) => new Paragraph(l)), table] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function makePdf(lines: string[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    pdf.font(CJK_FONT, 'NotoSansCJKsc-Regular').fontSize(12);
    for (const l of lines) pdf.text(l);
    pdf.end();
  });
}

export async function makeXlsx(rows: (string | number | Date)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A file that starts like a PDF but is not one. */
export const BROKEN_PDF = new TextEncoder().encode(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref',
);
