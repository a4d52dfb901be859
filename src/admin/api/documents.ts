// 政府文件库 (document library): staff API, as in docs/documents.md (core, gazette and catalogue routes).
// Response types are the server's schemas (z.infer); code lists come from documents' domain.
import type { z } from 'zod';
import type * as s from '../../modules/documents/api.schemas.ts';
import type * as cs from '../../modules/documents/catalogue/api.schemas.ts';
import type {
  Attribute,
  DocStatus,
  InterpretationKind,
  RelationKind,
  Validity,
} from '../../modules/documents/domain/codes.ts';
import type { WorkflowAction } from '../../modules/documents/domain/workflow.ts';
import type * as gs from '../../modules/documents/gazette/api.schemas.ts';
import type * as fs from '../../platform/files/api.schemas.ts';
import { api, type Input, postForm } from './client.ts';

export type { Attribute, DocStatus, InterpretationKind, RelationKind, Validity };
/** A workflow action the document's state allows (`allowedActions`). */
export type DocAction = WorkflowAction;

export type DocumentsMeta = z.infer<typeof s.metaResponse>;
export type GenreMeta = DocumentsMeta['genres'][number];
export type LegalGroundMeta = DocumentsMeta['legalGrounds'][number];
export type DocumentListItem = z.infer<typeof s.documentListItem>;
export type DocumentList = z.infer<typeof s.documentList>;
export type DocumentPage = z.infer<typeof s.documentPage>;
export type RelationView = z.infer<typeof s.relationView>;
export type AttachmentView = z.infer<typeof s.attachmentView>;
export type InterpretationSummary = z.infer<typeof s.interpretationSummary>;
export type Interpretation = z.infer<typeof s.interpretationView>;
export type PublicationDeadline = z.infer<typeof s.publicationDeadline>;
export type DocumentDetail = z.infer<typeof s.documentDetail>;
export type SearchAnswer = z.infer<typeof s.searchResponse>;
export type SearchResult = SearchAnswer['results'][number];
export type Theme = z.infer<typeof s.themeView>;
export type VersionAnswer = z.infer<typeof s.versionResponse>;
export type AttributeReviewItem = z.infer<typeof s.attributeReviewQueue>['items'][number];
export type ImportResult = z.infer<typeof s.importResponse>;
export type DocumentSettings = z.infer<typeof s.settingsView>;
type Ok = z.infer<typeof s.ok>;

/** The body of POST /api/documents (`orgId` is coerced on the server). */
export type DocumentInput = Input<typeof s.createBody>;
/** The body of PATCH /api/documents/:id. */
export type DocumentPatch = Input<typeof s.patchBody>;

export type DocumentListQuery = Input<typeof s.listQuery>;

/** One file of the answer of POST /api/files (platform/files; not one of documents' routes). */
export type UploadedFile = z.infer<typeof fs.uploadResponse>['items'][number];

// ───────────────────────────── core ─────────────────────────────

export function fetchDocumentsMeta(): Promise<DocumentsMeta> {
  return api.get('/api/documents/meta');
}

export function listDocuments(query: DocumentListQuery): Promise<DocumentList> {
  return api.get('/api/documents', { ...query });
}

/** Full-text search (staff: drafts included). */
export function searchDocuments(query: Omit<Input<typeof s.searchQuery>, 'drafts'>): Promise<SearchAnswer> {
  return api.get('/api/documents/search', { ...query, drafts: 'true' });
}

export function getDocument(id: number): Promise<DocumentDetail> {
  return api.get(`/api/documents/${id}`);
}

export function createDocument(input: DocumentInput): Promise<DocumentDetail> {
  return api.post('/api/documents', input);
}

export function updateDocument(id: number, input: DocumentPatch): Promise<DocumentDetail> {
  return api.patch(`/api/documents/${id}`, input);
}

export function submitDocument(id: number): Promise<DocumentDetail> {
  return api.post(`/api/documents/${id}/submit`);
}

export function reviewDocument(
  id: number,
  decision: 'approved' | 'returned',
  notes: string | null,
): Promise<DocumentDetail> {
  return api.post(`/api/documents/${id}/review`, { decision, notes });
}

/** Publish (签发): only after the signer confirmed it in the console; the API records who signed. */
export function publishDocument(id: number, publishedDate?: string): Promise<DocumentDetail> {
  return api.post(`/api/documents/${id}/publish`, {
    ...(publishedDate ? { publishedDate } : {}),
    confirmed: true,
  });
}

export function setDocumentAttribute(
  id: number,
  body: { attribute: Attribute; attributeGround?: string | null; attributeReason?: string | null },
): Promise<DocumentDetail> {
  return api.put(`/api/documents/${id}/attribute`, body);
}

export function attachFile(
  id: number,
  fileId: number,
  name?: string,
): Promise<z.infer<typeof s.attachmentAdded>> {
  return api.post(`/api/documents/${id}/attachments`, { fileId, name: name ?? null });
}

export function removeAttachment(id: number, attachmentId: number): Promise<Ok> {
  return api.delete(`/api/documents/${id}/attachments/${attachmentId}`);
}

export function listInterpretations(id: number): Promise<z.infer<typeof s.interpretationList>> {
  return api.get(`/api/documents/${id}/interpretations`);
}

export type InterpretationInput = z.input<typeof s.interpretationBody>;

export function saveInterpretation(
  documentId: number,
  interpretationId: number | null,
  input: InterpretationInput,
): Promise<Interpretation> {
  return interpretationId
    ? api.patch(`/api/documents/${documentId}/interpretations/${interpretationId}`, input)
    : api.post(`/api/documents/${documentId}/interpretations`, input);
}

export type PendingInterpretation = z.infer<typeof s.pendingInterpretationList>['items'][number];

/** 后续解读 waiting for review in the reviewer's organisations. */
export function listPendingInterpretations(): Promise<{ items: PendingInterpretation[] }> {
  return api.get('/api/documents/interpretations/pending');
}

/** Approve a 后续解读 added after publication: it is published, dated today. */
export function approveInterpretation(documentId: number, interpretationId: number): Promise<Interpretation> {
  return api.post(`/api/documents/${documentId}/interpretations/${interpretationId}/approve`, {});
}

export function deleteInterpretation(documentId: number, interpretationId: number): Promise<Ok> {
  return api.delete(`/api/documents/${documentId}/interpretations/${interpretationId}`);
}

export function addRelation(
  id: number,
  body: { targetId: number; kind: RelationKind; effectiveDate?: string | null },
): Promise<DocumentDetail> {
  return api.post(`/api/documents/${id}/relations`, body);
}

export function setValidity(
  id: number,
  body: { validity: 'valid' | 'expired' | 'repealed'; on: string },
): Promise<DocumentDetail> {
  return api.post(`/api/documents/${id}/validity`, body);
}

export function versionOn(id: number, date: string): Promise<VersionAnswer> {
  return api.get(`/api/documents/${id}/version`, { date });
}

// ───────────────────────────── queues ─────────────────────────────

export function attributeReviewQueue(): Promise<z.infer<typeof s.attributeReviewQueue>> {
  return api.get('/api/documents/attribute-reviews');
}

export function decideAttributeReview(
  id: number,
  body: { decision: 'converted' | 'confirmed'; notes: string | null; source?: 'periodic' | 'request' },
): Promise<z.infer<typeof s.attributeReviewDecision>> {
  return api.post(`/api/documents/${id}/attribute-review`, body);
}

export function undeterminedQueue(page: number, pageSize: number): Promise<DocumentPage> {
  return api.get('/api/documents/undetermined', { page, pageSize });
}

export function importHistorical(metadata: File, files: File[]): Promise<ImportResult> {
  const form = new FormData();
  form.append('metadata', metadata, metadata.name);
  for (const f of files) form.append('files', f, f.name);
  return postForm('/api/documents/import', form);
}

// ───────────────────────────── themes, settings ─────────────────────────────

export function listThemes(): Promise<z.infer<typeof s.themeList>> {
  return api.get('/api/documents/themes');
}

export function saveTheme(
  id: number | null,
  body: { name: string; description?: string; sortOrder?: number },
): Promise<z.infer<typeof s.themeSaved>> {
  return id ? api.patch(`/api/documents/themes/${id}`, body) : api.post('/api/documents/themes', body);
}

export function deleteTheme(id: number): Promise<Ok> {
  return api.delete(`/api/documents/themes/${id}`);
}

export function getSettings(): Promise<DocumentSettings> {
  return api.get('/api/documents/settings');
}

export function updateSettings(body: Partial<DocumentSettings>): Promise<DocumentSettings> {
  return api.patch('/api/documents/settings', body);
}

// ───────────────────────────── files ─────────────────────────────

/** Uploads files (POST /api/files, checked by content on the server). */
export async function uploadFiles(files: File[]): Promise<UploadedFile[]> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  const { items } = await postForm<z.infer<typeof fs.uploadResponse>>('/api/files', form);
  return items;
}

export function fileUrl(fileId: number): string {
  return `/api/files/${fileId}`;
}

// ───────────────────────────── gazette (政府公报) ─────────────────────────────

export type GazetteIssue = z.infer<typeof gs.issueView>;
export type GazetteEntry = z.infer<typeof gs.entryView>;
export type GazetteCandidate = z.infer<typeof gs.candidateList>['items'][number];

export type GazetteItemInput = z.input<typeof gs.itemInput>;
export type GazetteIssueInput = z.input<typeof gs.issueBody>;

export type GazetteDetail = z.infer<typeof gs.issueDetail>;

export function listGazetteIssues(year?: number): Promise<z.infer<typeof gs.issueList>> {
  return api.get('/api/documents/gazette/issues', { year });
}

export function gazetteCandidates(query: {
  from: string;
  to: string;
  orgId?: number;
  includeUsed?: '0' | '1';
}): Promise<z.infer<typeof gs.candidateList>> {
  return api.get('/api/documents/gazette/candidates', { ...query, limit: 500 });
}

export function getGazetteIssue(id: number): Promise<GazetteDetail> {
  return api.get(`/api/documents/gazette/issues/${id}`);
}

export function createGazetteIssue(input: GazetteIssueInput): Promise<GazetteDetail> {
  return api.post('/api/documents/gazette/issues', input);
}

export function updateGazetteIssue(id: number, input: Partial<GazetteIssueInput>): Promise<GazetteDetail> {
  return api.patch(`/api/documents/gazette/issues/${id}`, input);
}

export function publishGazetteIssue(id: number): Promise<GazetteDetail> {
  return api.post(`/api/documents/gazette/issues/${id}/publish`);
}

export function unpublishGazetteIssue(id: number): Promise<GazetteDetail> {
  return api.post(`/api/documents/gazette/issues/${id}/unpublish`);
}

export function deleteGazetteIssue(id: number): Promise<z.infer<typeof gs.ok>> {
  return api.delete(`/api/documents/gazette/issues/${id}`);
}

/** The portal's PDF of a published issue. */
export function gazettePdfUrl(issue: { year: number; number: number }): string {
  return `/gk/gazette/${issue.year}/${issue.number}/pdf`;
}

// ───────────────────────────── catalogues (公开目录与栏目) ─────────────────────────────

export type DisclosureColumn = z.infer<typeof cs.columnView>;

export type ColumnInput = z.input<typeof cs.columnBody>;
export type ColumnPatch = z.input<typeof cs.columnPatchBody>;

export type PublicEnterprise = z.infer<typeof cs.enterpriseView>;

export type EnterpriseInput = z.input<typeof cs.enterpriseBody>;

export type Guide = z.infer<typeof cs.guideView>;

export function article20Items(): Promise<z.infer<typeof cs.articlesResponse>> {
  return api.get('/api/documents/catalogue/articles');
}

export function listColumns(orgId?: number): Promise<z.infer<typeof cs.columnList>> {
  return api.get('/api/documents/catalogue/columns', { orgId });
}

/** Columns not updated within their period, for the office's 工作台. */
export function staleColumns(): Promise<z.infer<typeof cs.staleColumnList>> {
  return api.get('/api/documents/catalogue/columns/stale');
}

export function createColumn(input: ColumnInput): Promise<DisclosureColumn> {
  return api.post('/api/documents/catalogue/columns', input);
}

export function updateColumn(id: number, input: ColumnPatch): Promise<DisclosureColumn> {
  return api.patch(`/api/documents/catalogue/columns/${id}`, input);
}

export function deleteColumn(id: number): Promise<z.infer<typeof cs.ok>> {
  return api.delete(`/api/documents/catalogue/columns/${id}`);
}

export function touchColumn(id: number, on?: string): Promise<DisclosureColumn> {
  return api.post(`/api/documents/catalogue/columns/${id}/touch`, on ? { on } : {});
}

export function getGuide(orgId: number): Promise<Guide> {
  return api.get(`/api/documents/catalogue/guides/${orgId}`);
}

export function saveGuide(orgId: number, body: string): Promise<Guide> {
  return api.put(`/api/documents/catalogue/guides/${orgId}`, { body });
}

export function listEnterprises(): Promise<z.infer<typeof cs.enterpriseList>> {
  return api.get('/api/documents/catalogue/enterprises');
}

export function saveEnterprise(id: number | null, input: EnterpriseInput): Promise<PublicEnterprise> {
  return id
    ? api.patch(`/api/documents/catalogue/enterprises/${id}`, input)
    : api.post('/api/documents/catalogue/enterprises', input);
}

export function deleteEnterprise(id: number): Promise<z.infer<typeof cs.ok>> {
  return api.delete(`/api/documents/catalogue/enterprises/${id}`);
}
