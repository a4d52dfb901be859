/**
 * The annual report as a Word document (.docx) in the national format (国办公开办函〔2021〕30号;
 * REGULATIONS.md §3): A4, the title in 方正小标宋 (宋体 where missing), the six section headings in 黑体, the
 * body in 仿宋_GB2312 (仿宋 where missing), the narrative texts of 一、五、六, and tables 二, 三, 四 with the
 * merged header cells of the format (table 三: the note block 3×3, 申请人情况 over 7 columns, 法人或其他组织
 * over 5, “三、本年度办理结果” over 22 rows and its groups; table 四: 行政复议 over 5, 行政诉讼 over 10).
 * Figures are right-aligned. Pure: a plain model in, a Buffer out.
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  MANUAL_FIGURE_INFO,
  type ManualFigure,
  type ReportFigures,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_NOTE,
  TABLE3_ROWS,
  TABLE4_CELL_LABELS,
  TABLE4_GROUPS,
} from '../domain/tables.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The six section headings of the format, in order (§3). */
export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export type ReportDocModel = {
  orgName: string;
  year: number;
  overview: string;
  problems: string;
  other: string;
  figures: ReportFigures;
};

const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
/** The font each named font falls back to where it is not installed (fontTable's altName). */
const FALLBACKS: Record<string, string> = { 仿宋_GB2312: '仿宋', 方正小标宋简体: '宋体', 黑体: 'SimHei' };
/** 三号 = 16 pt (sizes in half-points); tables in 五号 (10.5 pt), table 四 in 小五 (9 pt). */
const BODY_SIZE = 32;
const TABLE_SIZE = 21;
const SMALL_SIZE = 18;
const INDENT = 2 * 16 * 20;
const LINE = { line: 579, lineRule: LineRuleType.EXACT };
const MM = 56.7;
const MARGINS = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
/** The text width of A4 with those margins, in twips. */
const TEXT_WIDTH = Math.round((210 - 28 - 26) * MM);

/** Characters XML 1.0 cannot carry (staff text pasted from elsewhere may contain them). */
function clean(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const run = (text: string, font = BODY_FONT, size = BODY_SIZE, bold = false) =>
  new TextRun({ text: clean(text), font, size, ...(bold ? { bold: true } : {}) });

function textParagraphs(text: string): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return (lines.length ? lines : ['无。']).map(
    (line) =>
      new Paragraph({
        spacing: LINE,
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        children: [run(line)],
      }),
  );
}

const heading = (text: string) =>
  new Paragraph({
    spacing: { ...LINE, before: 240 },
    indent: { firstLine: INDENT },
    keepNext: true,
    children: [run(text, HEADING_FONT)],
  });

const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 60 },
    keepNext: true,
    children: [run(text, BODY_FONT, TABLE_SIZE, true)],
  });

type CellOpts = { rowSpan?: number; columnSpan?: number; number?: boolean; size?: number; header?: boolean };

function cell(text: string | number | null, o: CellOpts = {}): TableCell {
  const value = text === null ? '—' : String(text);
  return new TableCell({
    ...(o.rowSpan ? { rowSpan: o.rowSpan } : {}),
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: o.number ? AlignmentType.RIGHT : o.header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(value, BODY_FONT, o.size ?? TABLE_SIZE, o.header === true)],
      }),
    ],
  });
}

const num = (n: number | null, size?: number) => cell(n, { number: true, ...(size ? { size } : {}) });
const row = (cells: TableCell[], header = false) =>
  new TableRow({
    children: cells,
    ...(header ? { tableHeader: true, cantSplit: true } : { cantSplit: true }),
  });

/** A table over the text width with the given column widths (relative). */
function table(rows: TableRow[], weights: number[]): Table {
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
  });
}

/** Table 二: the four sub-tables, each under its item heading merged over the table's width. */
function table2(f: ReportFigures): Table[] {
  const doc = table(
    [
      row([cell('第二十条第（一）项', { columnSpan: 4, header: true })], true),
      row(
        [cell('信息内容', { header: true }), ...TABLE2_DOC_COLUMNS.map((c) => cell(c, { header: true }))],
        true,
      ),
      ...TABLE2_DOC_ROWS.map((r) => row([cell(r.label), ...f.table2[r.key].map((n) => num(n))])),
    ],
    [4, 3, 3, 3],
  );
  const single = (keys: ManualFigure[]) => {
    const first = MANUAL_FIGURE_INFO[keys[0] as ManualFigure];
    return table(
      [
        row([cell(first.item, { columnSpan: 2, header: true })], true),
        row([cell('信息内容', { header: true }), cell(first.column, { header: true })], true),
        ...keys.map((k) => row([cell(MANUAL_FIGURE_INFO[k].label), num(f.table2[k])])),
      ],
      [4, 9],
    );
  };
  return [doc, single(['licensing']), single(['penalty', 'enforcement']), single(['fees'])];
}

/** The row-header cells of row `index` of table 三, with the merged cells where a group starts. */
function table3Headers(index: number): TableCell[] {
  const r = TABLE3_ROWS[index];
  if (!r) return [];
  if (!r.key.startsWith('三')) return [cell(r.label, { columnSpan: 3 })];
  const cells: TableCell[] = [];
  const firstOfThree = TABLE3_ROWS.findIndex((x) => x.key.startsWith('三'));
  if (index === firstOfThree) {
    const span = TABLE3_ROWS.filter((x) => x.key.startsWith('三')).length;
    cells.push(cell('三、本年度办理结果', { rowSpan: span }));
  }
  if (!r.group) return [...cells, cell(r.label, { columnSpan: 2 })];
  if (TABLE3_ROWS[index - 1]?.group !== r.group) {
    cells.push(cell(r.group, { rowSpan: TABLE3_ROWS.filter((x) => x.group === r.group).length }));
  }
  return [...cells, cell(r.label)];
}

function table3(f: ReportFigures): Table {
  const h = (text: string, o: CellOpts = {}) => cell(text, { header: true, ...o });
  return table(
    [
      row([h(TABLE3_NOTE, { rowSpan: 3, columnSpan: 3 }), h('申请人情况', { columnSpan: 7 })], true),
      row(
        [
          h(TABLE3_COLUMNS[0] ?? '', { rowSpan: 2 }),
          h('法人或其他组织', { columnSpan: 5 }),
          h(TABLE3_COLUMNS[6] ?? '', { rowSpan: 2 }),
        ],
        true,
      ),
      row(
        TABLE3_COLUMNS.slice(1, 6).map((c) => h(c)),
        true,
      ),
      ...TABLE3_ROWS.map((r, i) =>
        row([...table3Headers(i), ...(f.table3[r.key] ?? TABLE3_COLUMNS.map(() => 0)).map((n) => num(n))]),
      ),
    ],
    [3, 3, 8, 2, 2, 2, 2, 2, 2, 2],
  );
}

function table4(f: ReportFigures): Table {
  const h = (text: string, o: CellOpts = {}) => cell(text, { header: true, size: SMALL_SIZE, ...o });
  const [review, ...suits] = TABLE4_GROUPS;
  return table(
    [
      row(
        [
          h(review?.label ?? '行政复议', { columnSpan: 5 }),
          h(suits[0]?.parent ?? '行政诉讼', { columnSpan: 10 }),
        ],
        true,
      ),
      row(
        [
          ...TABLE4_CELL_LABELS.map((l) => h(l, { rowSpan: 2 })),
          ...suits.map((g) => h(g.label, { columnSpan: 5 })),
        ],
        true,
      ),
      row(
        suits.flatMap(() => TABLE4_CELL_LABELS.map((l) => h(l))),
        true,
      ),
      row(Array.from({ length: 15 }, (_, i) => num(f.table4[i] ?? 0, SMALL_SIZE))),
    ],
    Array.from({ length: 15 }, () => 1),
  );
}

/** Declares each font's fallback (altName) in word/fontTable.xml, which the docx package leaves empty. */
function withFontFallbacks(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const table = files['word/fontTable.xml'];
  if (!table) return docx;
  const fonts = Object.entries(FALLBACKS)
    .map(
      ([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/></w:font>`,
    )
    .join('');
  const xml = strFromU8(table).replace(/<w:fonts([^>]*?)\/>$/, `<w:fonts$1>${fonts}</w:fonts>`);
  files['word/fontTable.xml'] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

/** The .docx of one annual report. */
export async function renderReportDocx(m: ReportDocModel): Promise<Buffer> {
  const title = `${m.orgName}${m.year}年政府信息公开工作年度报告`;
  const [s1, s2, s3, s4, s5, s6] = SECTION_HEADINGS;
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 480 },
      children: [run(title, TITLE_FONT, 44)],
    }),
    new Paragraph({
      spacing: LINE,
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: INDENT },
      children: [
        run(
          `本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条和国务院办公厅政府信息与政务公开办公室规定的格式编制。所列数据的统计期限为${m.year}年1月1日至${m.year}年12月31日。`,
        ),
      ],
    }),
    heading(s1),
    ...textParagraphs(m.overview),
    heading(s2),
    ...table2(m.figures).flatMap((t) => [t, new Paragraph({ children: [] })]),
    heading(s3),
    caption('收到和处理政府信息公开申请情况'),
    table3(m.figures),
    heading(s4),
    table4(m.figures),
    heading(s5),
    ...textParagraphs(m.problems),
    heading(s6),
    ...textParagraphs(m.other),
  ];
  const doc = new Document({
    creator: clean(m.orgName),
    title: clean(title),
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: MARGINS } },
        children,
      },
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(doc));
}
