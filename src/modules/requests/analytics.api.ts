/**
 * HTTP API of the 依申请公开 analytics (统计分析, with an Excel export) and the 转主动公开 queue.
 * Registered by `requestsApi` (api.ts).
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { fileResponse, idParam } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { type YearAnalytics, yearAnalytics } from './analytics.service.ts';
import {
  analyticsQuery,
  analyticsResponse,
  decideBody,
  flagBody,
  queueQuery,
  releaseEntry,
  releaseQueueResponse,
} from './api.schemas.ts';
import { APPLICANT_TYPE_INFO, APPLICANT_TYPES, ID_TYPE_LABELS, type IdType } from './domain/applicant.ts';
import { RELEASE_STATUS_LABELS } from './domain/release.ts';
import { decideRelease, flagForRelease, listReleaseQueue } from './release-queue.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

type Column = { header: string; width: number };

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(rows);
  return ws;
}

/** One sheet per breakdown, Chinese sheet names and headers. */
export async function analyticsWorkbook(a: YearAnalytics, scopeLabel: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const t = a.timeliness;
  sheet(
    wb,
    '概况',
    [
      { header: '项目', width: 28 },
      { header: '数值', width: 24 },
    ],
    [
      ['年度', `${a.year}年`],
      ['统计范围', scopeLabel],
      ['收件总数', a.total],
      ['已答复', t.replied],
      ['按时答复', t.onTime],
      ['逾期答复', t.late],
      ['逾期未答复', t.overdueOpen],
      ['按时答复率', percent(t.onTimeRate)],
      ['平均答复用时（工作日）', t.averageWorkingDays ?? '—'],
      ['暂停计时合计（工作日）', t.pausedWorkingDays ?? '—'],
      ['暂停计时的件数', t.pausedCases],
      ['尚未办结', a.undecided],
      ['重复申请人（人）', a.repeatApplicants.applicants],
      ['重复申请人的申请（件）', a.repeatApplicants.cases],
      ['热点主题样本（件）', `${a.topicsSample.size}（最近登记的至多${a.topicsSample.limit}件）`],
      ['生成时间', a.generatedAt],
    ],
  );
  sheet(
    wb,
    '按月份',
    [
      { header: '月份', width: 10 },
      { header: '收件数', width: 10 },
    ],
    a.byMonth.map((m) => [m.label, m.count]),
  );
  sheet(
    wb,
    '按申请方式',
    [
      { header: '申请方式', width: 16 },
      { header: '件数', width: 10 },
    ],
    a.byChannel.map((c) => [c.label, c.count]),
  );
  sheet(
    wb,
    '按申请人类型',
    [
      { header: '申请人类型', width: 16 },
      { header: '件数', width: 10 },
    ],
    a.byApplicantType.map((c) => [c.label, c.count]),
  );
  sheet(
    wb,
    '按承办单位',
    [
      { header: '承办单位', width: 28 },
      { header: '件数', width: 10 },
    ],
    a.byUnit.map((c) => [c.label, c.count]),
  );
  const outcomeSheet = sheet(
    wb,
    '办理结果',
    [
      { header: '类别', width: 18 },
      { header: '办理结果', width: 60 },
      ...APPLICANT_TYPES.map((k) => ({ header: APPLICANT_TYPE_INFO[k].reportColumnLabel, width: 12 })),
      { header: '总计', width: 10 },
    ],
    a.byOutcome.map((r) => [r.groupLabel, r.label, ...r.byApplicantType, r.count]),
  );
  outcomeSheet.addRow([]);
  outcomeSheet.addRow(['尚未办结', '', ...APPLICANT_TYPES.map(() => ''), a.undecided]);
  sheet(
    wb,
    '办理阶段',
    [
      { header: '阶段', width: 16 },
      { header: '件数', width: 10 },
    ],
    a.byStage.map((s) => [s.label, s.count]),
  );
  sheet(
    wb,
    '热点主题',
    [
      { header: '序号', width: 8 },
      { header: '关键词', width: 20 },
      { header: '申请件数', width: 12 },
    ],
    a.topics.map((k, i) => [i + 1, k.word, k.count]),
  );
  sheet(
    wb,
    '转主动公开建议',
    [
      { header: '关键词', width: 24 },
      { header: '申请件数', width: 12 },
      { header: '申请事项示例', width: 80 },
    ],
    a.releaseSuggestions.map((s) => [s.keywords.join('、'), s.count, s.subjects.join('；')]),
  );
  if (a.repeatApplicants.identitiesShown) {
    sheet(
      wb,
      '重复申请人',
      [
        { header: '申请人', width: 24 },
        { header: '证件类型', width: 16 },
        { header: '证件号码', width: 24 },
        { header: '申请件数', width: 12 },
      ],
      a.repeatApplicants.top.map((p) => [
        p.name,
        ID_TYPE_LABELS[p.idType as IdType] ?? p.idType,
        p.idNumber,
        p.cases,
      ]),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function analyticsApi(root: FastifyInstance, { db }: Pick<ModuleContext, 'db'>) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const thisYear = () => Number(chinaToday().slice(0, 4));

  app.get(
    '/requests/analytics',
    {
      schema: {
        tags: ['requests'],
        summary: '依申请公开统计分析（按年度；可按承办单位）',
        querystring: analyticsQuery,
        response: { 200: analyticsResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return yearAnalytics(db, actor, { year: req.query.year ?? thisYear(), unitId: req.query.unitId });
    },
  );

  app.get(
    '/requests/analytics.xlsx',
    {
      schema: {
        tags: ['requests'],
        summary: '依申请公开统计分析：导出 Excel（每个分类一个工作表）',
        querystring: analyticsQuery,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const year = req.query.year ?? thisYear();
      const a = await yearAnalytics(db, actor, { year, unitId: req.query.unitId });
      const unitName = a.unitId === null ? null : (a.byUnit.find((u) => u.key === a.unitId)?.label ?? null);
      const body = await analyticsWorkbook(a, unitName ?? '本人可查看的全部申请');
      const name = `依申请公开统计${year}${unitName ? `-${unitName}` : ''}.xlsx`;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition(name, `analytics-${year}.xlsx`))
        .send(body);
    },
  );

  app.post(
    '/requests/:id/release-flag',
    {
      schema: {
        tags: ['requests'],
        summary: '建议转为主动公开（已答复且予以公开或部分公开的申请）',
        params: idParam,
        body: flagBody,
        response: { 200: releaseEntry },
      },
    },
    async (req) => flagForRelease(db, requireActor(req), req.params.id, req.body?.note ?? null),
  );

  app.get(
    '/requests/release-queue',
    {
      schema: {
        tags: ['requests'],
        summary: '转主动公开队列（公开办、系统管理员）',
        querystring: queueQuery,
        response: { 200: releaseQueueResponse },
      },
    },
    async (req) => {
      const result = await listReleaseQueue(db, requireActor(req), req.query);
      return { ...result, statusLabels: RELEASE_STATUS_LABELS };
    },
  );

  app.post(
    '/requests/release-queue/:id/decide',
    {
      schema: {
        tags: ['requests'],
        summary: '决定是否转为主动公开（公开办）',
        params: idParam,
        body: decideBody,
        response: { 200: releaseEntry },
      },
    },
    async (req) => decideRelease(db, requireActor(req), req.params.id, req.body),
  );
}
