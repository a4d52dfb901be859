/**
 * Historical bulk import: a folder's .docx/.pdf/.txt files plus an .xlsx of metadata (one row per
 * file: 标题, 文号, 发文机关, 成文日期, 文件名, optional 体裁, 主题分类, 发布日期, 关键词, 公开属性) become
 * published historical documents (historical = true). Their disclosure attribute is left undetermined
 * (null) unless the sheet gives it, so they appear in the "属性未确定" queue. Each row is imported in its
 * own transaction: a broken file or row is reported and the others go on.
 */
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { limitReason, loadWorkbook } from '../../platform/files/extract/index.ts';
import { AppError, describeError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { listOrgs } from '../orgs/index.ts';
import { storeFile } from './content.service.ts';
import { insertAttachment } from './content.store.ts';
import { ATTRIBUTE_LABELS, type Attribute, GENRES, TOPICS } from './domain/codes.ts';
import { parseDocNumber } from './domain/doc-number.ts';
import { parseChineseDate } from './domain/metadata.ts';
import { bodyHtmlOf, ExtractError, extOf, extractText } from './extract.ts';
import { reindex } from './search/reindex.ts';
import { authorize, insertDocumentRow } from './service.ts';
import { updateDocument } from './store.ts';

type Db = Kysely<Database>;

export type ImportFile = { name: string; bytes: Uint8Array };
export type ImportRowResult = {
  row: number;
  file: string;
  id: number;
  title: string;
  docNumber: string | null;
};
export type ImportError = { row: number | null; file: string | null; message: string };
export type ImportResult = { created: ImportRowResult[]; errors: ImportError[] };

const COLUMNS: Record<string, string[]> = {
  title: ['标题', '文件标题', '名称'],
  docNumber: ['文号', '发文字号'],
  org: ['发文机关', '发布机构', '发文单位'],
  written: ['成文日期'],
  file: ['文件名', '文件'],
  genre: ['体裁', '文种'],
  topic: ['主题分类', '主题'],
  published: ['发布日期'],
  keywords: ['关键词', '主题词'],
  attribute: ['公开属性'],
  summary: ['内容概述', '摘要'],
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

export type MetadataRow = { row: number; values: Record<string, string> };

/** Rows of the metadata sheet (first sheet, first row the headers). */
export async function readMetadata(bytes: Uint8Array): Promise<MetadataRow[]> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (err) {
    throw new AppError('DOC_IMPORT_INVALID', { reason: limitReason(err) ?? '元数据表不是有效的 .xlsx 文件' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('DOC_IMPORT_INVALID', { reason: '元数据表没有工作表' });
  const header = ws.getRow(1);
  const colOf: Record<string, number> = {};
  header.eachCell((cell, col) => {
    const h = cellText(cell.value).trim();
    for (const [key, names] of Object.entries(COLUMNS))
      if (names.includes(h) && !(key in colOf)) colOf[key] = col;
  });
  const missing = ['title', 'org', 'written', 'file'].filter((k) => !(k in colOf));
  if (missing.length > 0)
    throw new AppError('DOC_IMPORT_INVALID', {
      reason: `元数据表缺少列：${missing.map((k) => COLUMNS[k]?.[0]).join('、')}（第一行应为列名）`,
    });
  const rows: MetadataRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    for (const [key, col] of Object.entries(colOf)) values[key] = cellText(row.getCell(col).value).trim();
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: n, values });
  });
  return rows;
}

const ATTRIBUTE_BY_LABEL = new Map(Object.entries(ATTRIBUTE_LABELS).map(([k, v]) => [v, k as Attribute]));

export async function importHistorical(
  db: Db,
  actor: Actor,
  dataDir: string,
  input: { metadata: Uint8Array; files: ImportFile[] },
): Promise<ImportResult> {
  const visible = await authorize(db, actor, 'import');
  const rows = await readMetadata(input.metadata);
  const orgs = await listOrgs(db);
  const byName = new Map(input.files.map((f) => [f.name.normalize('NFC'), f]));
  const used = new Set<string>();
  const result: ImportResult = { created: [], errors: [] };
  for (const r of rows) {
    const v = r.values;
    const fileName = (v.file ?? '').normalize('NFC');
    const fail = (message: string) => result.errors.push({ row: r.row, file: fileName || null, message });
    const file = byName.get(fileName);
    if (!fileName) {
      fail('未填写文件名');
      continue;
    }
    used.add(fileName);
    if (!file) {
      fail(`未找到文件“${fileName}”`);
      continue;
    }
    if (!['docx', 'pdf', 'txt'].includes(extOf(fileName))) {
      fail('只能导入 .docx、.pdf 或 .txt 文件');
      continue;
    }
    if (!v.title) {
      fail('未填写标题');
      continue;
    }
    const org = orgs.find((o) => o.name === v.org);
    if (!org) {
      fail(`发文机关“${v.org ?? ''}”不存在`);
      continue;
    }
    if (!visible.has(org.id)) {
      fail(`您不能导入“${org.name}”的文件`);
      continue;
    }
    const written = parseChineseDate(v.written ?? '');
    if (!written) {
      fail(`成文日期“${v.written ?? ''}”不正确，应如 2021-03-05 或 2021年3月5日`);
      continue;
    }
    const published = v.published ? parseChineseDate(v.published) : written;
    if (!published) {
      fail(`发布日期“${v.published}”不正确`);
      continue;
    }
    if (v.docNumber) {
      const p = parseDocNumber(v.docNumber);
      if (!p.ok) {
        fail(`文号“${v.docNumber}”：${p.error.message}`);
        continue;
      }
    }
    const genre = GENRES.find((g) => g.name === v.genre || g.code === v.genre)?.code ?? 'other';
    const topic = TOPICS.find((t) => t.name === v.topic || t.code === v.topic)?.code ?? null;
    const attribute = v.attribute ? (ATTRIBUTE_BY_LABEL.get(v.attribute) ?? null) : null;
    if (v.attribute && attribute !== 'proactive') {
      // 依申请公开 / 不予公开 need a legal ground: leave undetermined for a reviewer to decide.
      if (!attribute) {
        fail(`公开属性“${v.attribute}”不正确，应为主动公开、依申请公开或不予公开`);
        continue;
      }
    }
    let text: string;
    try {
      text = await extractText(fileName, file.bytes);
    } catch (err) {
      fail(err instanceof ExtractError ? err.reason : '文件无法读取');
      continue;
    }
    try {
      const fileId = await storeFile(db, dataDir, fileName, file.bytes, actor.id);
      const doc = await inTransaction(db, async (tx) => {
        const row = await insertDocumentRow(
          tx,
          actor.id,
          {
            title: v.title as string,
            docNumber: v.docNumber || null,
            orgId: org.id,
            genre,
            topic,
            keywords: (v.keywords ?? '').split(/[，,、;；\s]+/).filter((k) => k !== ''),
            summary: v.summary || null,
            bodyHtml: await bodyHtmlOf(fileName, file.bytes, text),
            writtenDate: written,
            attribute: attribute === 'proactive' ? 'proactive' : null,
          },
          { historical: true },
        );
        await updateDocument(tx, row.id, { status: 'published', published_date: published });
        await insertAttachment(tx, {
          document_id: row.id,
          file_id: fileId,
          name: fileName,
          text_content: text,
          sort_order: 1,
        });
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'document.import',
          subjectType: 'document',
          subjectId: row.id,
          after: { title: row.title, docNumber: row.doc_number, file: fileName, row: r.row },
        });
        await reindex(tx, row.id);
        return row;
      });
      result.created.push({
        row: r.row,
        file: fileName,
        id: doc.id,
        title: doc.title,
        docNumber: doc.doc_number,
      });
    } catch (err) {
      if (err instanceof AppError) fail(describeError(err.code, err.params).message);
      else throw err;
    }
  }
  for (const f of input.files) {
    if (!used.has(f.name.normalize('NFC')))
      result.errors.push({ row: null, file: f.name, message: '元数据表中没有该文件，未导入' });
  }
  return result;
}
