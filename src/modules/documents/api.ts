/** /api/documents: the staff API of the library plus the few public reads (see docs/documents.md). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import {
  approveInterpretation,
  attachFile,
  deleteInterpretation,
  getInterpretation,
  listInterpretations,
  pendingInterpretationQueue,
  removeAttachment,
  saveInterpretation,
} from './content.service.ts';
import {
  ATTRIBUTE_LABELS,
  GENRES,
  INTERPRETATION_KIND_LABELS,
  LEGAL_GROUNDS,
  RELATION_KIND_LABELS,
  STATUS_LABELS,
  TOPICS,
  VALIDITY_LABELS,
} from './domain/codes.ts';
import { importHistorical } from './import.service.ts';
import {
  attributeReviewQueue,
  decideAttributeReview,
  listConverted,
  undeterminedQueue,
} from './review/service.ts';
import * as svc from './service.ts';
import { addRelation, setValidity, versionInForce } from './validity/service.ts';

export function documentsMeta() {
  return {
    genres: GENRES.map((g) => ({
      code: g.code,
      name: g.name,
      category: g.category,
      needsInterpretation: g.policy,
    })),
    topics: [...TOPICS],
    legalGrounds: LEGAL_GROUNDS.map((g) => ({
      code: g.code,
      article: g.article,
      text: g.text,
      attributes: [...g.attributes],
    })),
    attributes: ATTRIBUTE_LABELS,
    validities: VALIDITY_LABELS,
    statuses: STATUS_LABELS,
    interpretationKinds: INTERPRETATION_KIND_LABELS,
    relationKinds: RELATION_KIND_LABELS,
  };
}

export async function documentsApi(root: FastifyInstance, { db, config }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const detail = (id: number) => svc.documentDetail(db, id);

  app.get(
    '/documents/meta',
    {
      schema: {
        tags,
        summary: '政府文件库：体裁、主题分类、法律依据等代码表',
        response: { 200: s.metaResponse },
      },
    },
    async () => documentsMeta(),
  );

  app.get(
    '/documents',
    {
      schema: {
        tags,
        summary: '文件列表（工作人员，本机构范围）',
        querystring: s.listQuery,
        response: { 200: s.documentList },
      },
    },
    async (req) => {
      const { historical, ...q } = req.query;
      return svc.listDocuments(db, requireActor(req), {
        ...q,
        historical: historical === undefined ? undefined : historical === 'true',
      });
    },
  );

  app.get(
    '/documents/search',
    {
      schema: {
        tags,
        summary: '全文检索（公开：仅已发布的主动公开文件）',
        querystring: s.searchQuery,
        response: { 200: s.searchResponse },
      },
    },
    async (req) => {
      const { drafts, ...q } = req.query;
      // Unpublished documents only for a signed-in staff member who asks for them (scoped by the service).
      const draftsFor = drafts === 'true' ? requireActor(req) : null;
      return svc.searchLibrary(db, q, draftsFor);
    },
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary: '起草文件（生成索引号）',
        body: s.createBody,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      const row = await svc.createDocument(db, requireActor(req), req.body);
      return detail(row.id);
    },
  );

  app.get(
    '/documents/settings',
    { schema: { tags, summary: '索引号规则与复审周期', response: { 200: s.settingsView } } },
    async (req) => {
      await svc.authorize(db, requireActor(req), 'view');
      return svc.getSettings(db);
    },
  );
  app.patch(
    '/documents/settings',
    {
      schema: {
        tags,
        summary: '修改索引号规则或复审周期（管理员）',
        body: s.settingsBody,
        response: { 200: s.settingsView },
      },
    },
    async (req) => svc.updateSettings(db, requireActor(req), req.body),
  );

  app.get(
    '/documents/themes',
    { schema: { tags, summary: '特色主题（公开）', response: { 200: s.themeList } } },
    async () => ({ items: await svc.listThemes(db) }),
  );
  app.post(
    '/documents/themes',
    {
      schema: { tags, summary: '新增特色主题（管理员）', body: s.themeBody, response: { 200: s.themeSaved } },
    },
    async (req) => svc.saveTheme(db, requireActor(req), null, req.body),
  );
  app.patch(
    '/documents/themes/:id',
    {
      schema: {
        tags,
        summary: '修改特色主题',
        params: s.idParam,
        body: s.themeBody,
        response: { 200: s.themeSaved },
      },
    },
    async (req) => svc.saveTheme(db, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/documents/themes/:id',
    { schema: { tags, summary: '删除特色主题', params: s.idParam, response: { 200: s.ok } } },
    async (req) => {
      await svc.deleteTheme(db, requireActor(req), req.params.id);
      return { ok: true } as const;
    },
  );

  app.get(
    '/documents/attribute-reviews',
    {
      schema: {
        tags,
        summary: '公开属性复审队列（定期复审到期、依申请公开后转主动公开）',
        response: { 200: s.attributeReviewQueue },
      },
    },
    async (req) => attributeReviewQueue(db, requireActor(req)),
  );
  app.get(
    '/documents/undetermined',
    {
      schema: {
        tags,
        summary: '公开属性未确定的历史文件',
        querystring: s.pageQuery,
        response: { 200: s.documentPage },
      },
    },
    async (req) => undeterminedQueue(db, requireActor(req), req.query.page, req.query.pageSize),
  );
  app.get(
    '/documents/converted',
    {
      schema: {
        tags,
        summary: '已转为主动公开的文件（公开）',
        querystring: s.pageQuery,
        response: { 200: s.documentPage },
      },
    },
    async (req) => listConverted(db, req.query),
  );

  app.post(
    '/documents/import',
    {
      schema: {
        ...uploadRoute({ metadata: ['.xlsx'], files: ['.docx', '.pdf', '.txt'] }),
        tags,
        summary: '历史文件批量导入（multipart：metadata 为 .xlsx 元数据表，files 为文件）',
        response: { 200: s.importResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.authorize(db, actor, 'import');
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      let metadata: Uint8Array | null = null;
      const files: { name: string; bytes: Uint8Array }[] = [];
      for await (const part of req.parts({ limits: { files: 500, fileSize: config.uploadLimitBytes } })) {
        if (part.type !== 'file') continue;
        const bytes = new Uint8Array(await part.toBuffer());
        const name = part.filename.normalize('NFC');
        if (part.fieldname === 'metadata') metadata = bytes;
        else files.push({ name, bytes });
      }
      if (!metadata)
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'metadata', message: '请上传 .xlsx 元数据表（字段 metadata）' },
        ]);
      return importHistorical(db, actor, config.dataDir, { metadata, files });
    },
  );

  app.get(
    '/documents/interpretations/:id',
    {
      schema: {
        tags,
        summary: '一份解读材料及其文件（未登录：仅公开文件的解读）',
        params: s.idParam,
        response: { 200: s.interpretationWithDocument },
      },
    },
    async (req) => {
      const staff = req.actor;
      const item = await getInterpretation(db, req.params.id, { publicView: !staff });
      if (staff) await svc.loadForActor(db, staff, item.documentId, 'view');
      return item;
    },
  );

  app.get(
    '/documents/public/:id',
    {
      schema: {
        tags,
        summary: '公开文件详情（已发布的主动公开文件）',
        params: s.idParam,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => svc.getPublicDocument(db, req.params.id),
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: '文件详情（工作人员）',
        params: s.idParam,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => svc.getDocument(db, requireActor(req), req.params.id),
  );
  app.patch(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或退回的文件',
        params: s.idParam,
        body: s.patchBody,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      await svc.updateDocument(db, requireActor(req), req.params.id, req.body);
      return detail(req.params.id);
    },
  );
  app.post(
    '/documents/:id/submit',
    {
      schema: {
        tags,
        summary: '提交保密审查（须已确定公开属性）',
        params: s.idParam,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      await svc.submitDocument(db, requireActor(req), req.params.id);
      return detail(req.params.id);
    },
  );
  app.post(
    '/documents/:id/review',
    {
      schema: {
        tags,
        summary: '保密审查：通过或退回（一事一审）',
        params: s.idParam,
        body: s.reviewBody,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      await svc.reviewDocument(db, requireActor(req), req.params.id, req.body);
      return detail(req.params.id);
    },
  );
  app.post(
    '/documents/:id/publish',
    {
      schema: {
        tags,
        summary: '发布（政策性文件须有解读：三同步）',
        params: s.idParam,
        body: s.publishBody,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      await svc.publishDocument(db, requireActor(req), req.params.id, req.body ?? {});
      return detail(req.params.id);
    },
  );
  app.put(
    '/documents/:id/attribute',
    {
      schema: {
        tags,
        summary: '确定公开属性（历史文件或草稿）',
        params: s.idParam,
        body: s.attributeBody,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      await svc.setAttribute(db, requireActor(req), req.params.id, req.body);
      return detail(req.params.id);
    },
  );
  app.post(
    '/documents/:id/attribute-review',
    {
      schema: {
        tags,
        summary: '公开属性复审：转为主动公开或维持',
        params: s.idParam,
        body: s.attributeReviewBody,
        response: { 200: s.attributeReviewDecision },
      },
    },
    async (req) => decideAttributeReview(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/documents/:id/attachments',
    {
      schema: {
        tags,
        summary: '添加附件（先 POST /api/files 上传）',
        params: s.idParam,
        body: s.attachBody,
        response: { 200: s.attachmentAdded },
      },
    },
    async (req) => attachFile(db, requireActor(req), config.dataDir, req.params.id, req.body),
  );
  app.delete(
    '/documents/:id/attachments/:sub',
    { schema: { tags, summary: '删除附件', params: s.subParam, response: { 200: s.ok } } },
    async (req) => {
      await removeAttachment(db, requireActor(req), req.params.id, req.params.sub);
      return { ok: true } as const;
    },
  );

  app.get(
    '/documents/interpretations/pending',
    {
      schema: {
        tags,
        summary: '待审核的后续解读（发布后添加或修改的解读材料）',
        response: { 200: s.pendingInterpretationList },
      },
    },
    async (req) => pendingInterpretationQueue(db, requireActor(req)),
  );
  app.get(
    '/documents/:id/interpretations',
    {
      schema: { tags, summary: '文件的解读材料', params: s.idParam, response: { 200: s.interpretationList } },
    },
    async (req) => {
      await svc.loadForActor(db, requireActor(req), req.params.id, 'view');
      return { items: await listInterpretations(db, req.params.id) };
    },
  );
  app.post(
    '/documents/:id/interpretations',
    {
      schema: {
        tags,
        summary: '添加解读材料',
        params: s.idParam,
        body: s.interpretationBody,
        response: { 200: s.interpretationView },
      },
    },
    async (req) => saveInterpretation(db, requireActor(req), req.params.id, null, req.body),
  );
  app.patch(
    '/documents/:id/interpretations/:sub',
    {
      schema: {
        tags,
        summary: '修改解读材料',
        params: s.subParam,
        body: s.interpretationBody,
        response: { 200: s.interpretationView },
      },
    },
    async (req) => saveInterpretation(db, requireActor(req), req.params.id, req.params.sub, req.body),
  );
  app.post(
    '/documents/:id/interpretations/:sub/approve',
    {
      schema: {
        tags,
        summary: '审核通过后续解读（发布后添加或修改的解读材料）并发布',
        params: s.subParam,
        body: s.interpretationApproveBody,
        response: { 200: s.interpretationView },
      },
    },
    async (req) =>
      approveInterpretation(db, requireActor(req), req.params.id, req.params.sub, req.body ?? {}),
  );
  app.delete(
    '/documents/:id/interpretations/:sub',
    { schema: { tags, summary: '删除解读材料', params: s.subParam, response: { 200: s.ok } } },
    async (req) => {
      await deleteInterpretation(db, requireActor(req), req.params.id, req.params.sub);
      return { ok: true } as const;
    },
  );

  app.post(
    '/documents/:id/relations',
    {
      schema: {
        tags,
        summary: '关联：本文件修改、废止或替代旧文件',
        params: s.idParam,
        body: s.relationBody,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      await addRelation(db, requireActor(req), req.params.id, req.body);
      return detail(req.params.id);
    },
  );
  app.post(
    '/documents/:id/validity',
    {
      schema: {
        tags,
        summary: '登记有效性变化（如有效期届满失效）',
        params: s.idParam,
        body: s.validityBody,
        response: { 200: s.documentDetail },
      },
    },
    async (req) => {
      await setValidity(db, requireActor(req), req.params.id, req.body);
      return detail(req.params.id);
    },
  );
  app.get(
    '/documents/:id/version',
    {
      schema: {
        tags,
        summary: '某日有效的文本（规章历史文本）',
        params: s.idParam,
        querystring: s.versionQuery,
        response: { 200: s.versionResponse },
      },
    },
    async (req) => {
      if (req.actor) await svc.loadForActor(db, req.actor, req.params.id, 'view');
      else await svc.getPublicDocument(db, req.params.id);
      return versionInForce(db, req.params.id, req.query.date);
    },
  );
}
