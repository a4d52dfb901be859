/** `gongkai docs …`: add a document from a file, search the library. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import { type CommandContext, type ModuleCommands, UsageError } from '../../platform/commands.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import { chinaToday } from '../../platform/time.ts';
import { countOrgs, listOrgs } from '../orgs/index.ts';
import { HELP } from './commands.help.ts';
import { storeFile } from './content.service.ts';
import { insertAttachment } from './content.store.ts';
import { parseDocNumber } from './domain/doc-number.ts';
import { extractMetadata, parseChineseDate } from './domain/metadata.ts';
import { bodyHtmlOf, ExtractError, extOf, extractText } from './extract.ts';
import { reindex } from './search/reindex.ts';
import { searchDocuments } from './search/service.ts';
import { mineSynonymCandidates } from './search/synonyms.ts';
import { insertDocumentRow } from './service.ts';
import { updateDocument } from './store.ts';

const USAGE =
  '用法 usage: gongkai docs add FILE [--title T] [--doc-number N] [--org 机构] [--written 日期] [--publish] --json\n' +
  '           gongkai docs search "关键词" [--limit N] --json\n' +
  '           gongkai docs synonyms [--min-documents N] --json';

/** The context's withDb, on a data folder prepared as the first start does if it was never started. */
function withPreparedDb<T>(ctx: CommandContext, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.withDb(async (db) => {
    // A data folder never started yet has no organisations.
    if ((await countOrgs(db)) === 0) await ctx.prepareData(db);
    return work(db);
  });
}

/** Genre guessed from the title's ending (通知 → notice …); 'other' when none fits. */
export function genreFromTitle(title: string): string {
  const rules: [RegExp, string][] = [
    [/(规定|细则|若干措施)$/, 'normative'],
    [/通知$/, 'notice'],
    [/(实施意见|意见)$/, 'opinion'],
    [/办法$/, 'measures'],
    [/决定$/, 'decision'],
    [/(公告|通告)$/, 'announcement'],
    [/通报$/, 'bulletin'],
    [/报告$/, 'report'],
    [/批复$/, 'reply'],
    [/函$/, 'letter'],
  ];
  return rules.find(([re]) => re.test(title))?.[1] ?? 'other';
}

export type AddOptions = {
  file: string;
  title?: string;
  docNumber?: string;
  org?: string;
  written?: string;
  publish?: boolean;
  today?: string;
};

/** Add one document from a .txt/.docx/.pdf file; metadata from the options, else from the text. */
export async function addDocumentFromFile(db: Kysely<Database>, dataDir: string, o: AddOptions) {
  const ext = extOf(o.file);
  if (!['txt', 'docx', 'pdf'].includes(ext)) throw new UsageError('只能添加 .txt、.docx 或 .pdf 文件');
  const bytes = new Uint8Array(
    await readFile(o.file).catch(() => {
      throw new UsageError(`找不到文件 / file not found: ${o.file}`);
    }),
  );
  const name = path.basename(o.file);
  let text: string;
  try {
    text = await extractText(name, bytes);
  } catch (err) {
    if (err instanceof ExtractError)
      throw new AppError('DOC_ATTACHMENT_UNREADABLE', { name, reason: err.reason });
    throw err;
  }
  const meta = extractMetadata(text);
  const title = o.title?.trim() || meta.title || path.basename(o.file, path.extname(o.file));
  const docNumber = o.docNumber?.trim() || meta.docNumber || null;
  if (docNumber) {
    const p = parseDocNumber(docNumber);
    if (!p.ok)
      throw new AppError('DOC_NUMBER_INVALID', { reason: p.error.message }, [
        { path: 'docNumber', message: p.error.message },
      ]);
  }
  const today = o.today ?? chinaToday();
  let written = today;
  if (o.written) {
    const w = parseChineseDate(o.written);
    if (!w) throw new UsageError(`成文日期“${o.written}”不正确，应如 2021-03-05 或 2021年3月5日`);
    written = w;
  } else if (meta.writtenDate) written = meta.writtenDate;
  const orgs = (await listOrgs(db)).sort((a, b) => a.id - b.id);
  const wanted = o.org?.trim() || meta.orgName;
  const org =
    (o.org && /^\d+$/.test(o.org) ? orgs.find((x) => x.id === Number(o.org)) : undefined) ??
    (wanted
      ? orgs.find(
          (x) =>
            x.name === wanted ||
            x.name === wanted.replace(/^[\u4e00-\u9fff]{2}市(?=[\u4e00-\u9fff]+(局|委|办公室)$)/, '市'),
        )
      : undefined) ??
    (o.org ? undefined : orgs.find((x) => x.parent_id === null));
  if (!org)
    throw new UsageError(
      o.org ? `找不到机构 / no such organisation: ${o.org}` : '尚无机构，请先启动一次平台',
    );
  return inTransaction(db, async (tx) => {
    const row = await insertDocumentRow(tx, null, {
      title,
      docNumber,
      orgId: org.id,
      genre: genreFromTitle(title),
      bodyHtml: await bodyHtmlOf(name, bytes, text),
      writtenDate: written,
      attribute: o.publish ? 'proactive' : null,
    });
    if (ext !== 'txt') {
      const fileId = await storeFile(tx, dataDir, name, bytes, null);
      await insertAttachment(tx, {
        document_id: row.id,
        file_id: fileId,
        name,
        text_content: text,
        sort_order: 1,
      });
    }
    if (o.publish) await updateDocument(tx, row.id, { status: 'published', published_date: today });
    await recordAudit(tx, {
      actorId: null,
      action: 'document.cli_add',
      subjectType: 'document',
      subjectId: row.id,
      after: { title, docNumber: row.doc_number, file: name, published: !!o.publish },
    });
    await reindex(tx, row.id);
    return {
      id: row.id,
      title: row.title,
      docNumber: row.doc_number,
      orgName: org.name,
      writtenDate: written,
      published: !!o.publish,
    };
  });
}

async function runDocsCommand(args: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'add') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          title: { type: 'string' },
          'doc-number': { type: 'string' },
          org: { type: 'string' },
          written: { type: 'string' },
          publish: { type: 'boolean' },
          json: { type: 'boolean' },
        },
      });
      const file = positionals[0];
      if (!file) throw new UsageError(USAGE);
      const r = await withPreparedDb(ctx, (db) =>
        addDocumentFromFile(db, ctx.config.dataDir, {
          file: path.resolve(file),
          title: values.title,
          docNumber: values['doc-number'],
          org: values.org,
          written: values.written,
          publish: values.publish,
        }),
      );
      if (values.json) console.log(JSON.stringify({ id: r.id, title: r.title, docNumber: r.docNumber }));
      else
        console.log(
          `已添加文件 #${r.id}：${r.title}　文号：${r.docNumber ?? '（无）'}　发文机关：${r.orgName}　成文日期：${r.writtenDate}${r.published ? '　已发布' : '　草稿（未确定公开属性）'}`,
        );
      return 0;
    }
    if (sub === 'search') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { limit: { type: 'string' }, json: { type: 'boolean' } },
      });
      const q = positionals.join(' ');
      const limit = values.limit === undefined ? 10 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw new UsageError('--limit 应为1至100之间的整数');
      const r = await withPreparedDb(ctx, (db) => searchDocuments(db, { q, limit, publishedOnly: true }));
      const results = r.results.map((x) => ({
        id: x.id,
        title: x.title,
        docNumber: x.docNumber,
        snippet: x.snippet,
        score: x.score,
      }));
      if (values.json) console.log(JSON.stringify({ total: r.total, results }));
      else {
        console.log(
          `共找到 ${r.total} 份文件${r.results.length < r.total ? `，显示前 ${r.results.length} 份` : ''}：`,
        );
        for (const x of results)
          console.log(`  #${x.id}  ${x.title}${x.docNumber ? `（${x.docNumber}）` : ''}`);
      }
      return 0;
    }
    if (sub === 'synonyms') {
      const { values } = parseArgs({
        args: rest,
        options: { 'min-documents': { type: 'string' }, json: { type: 'boolean' } },
      });
      const min = values['min-documents'] === undefined ? undefined : Number(values['min-documents']);
      if (min !== undefined && (!Number.isInteger(min) || min < 1 || min > 1000))
        throw new UsageError('--min-documents 应为1至1000之间的整数');
      const r = await withPreparedDb(ctx, (db) => mineSynonymCandidates(db, { minDocuments: min }));
      if (values.json) console.log(JSON.stringify(r));
      else
        console.log(
          `已读取 ${r.documents} 份已发布文件，得到 ${r.candidates} 组同义词（简称）候选，其中新增 ${r.added} 组，请在管理后台“检索同义词”中审核。`,
        );
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error((err as Error).message);
      return 2;
    }
    throw err;
  }
}

export const documentsCommands: ModuleCommands = { help: HELP, handlers: { docs: runDocsCommand } };
