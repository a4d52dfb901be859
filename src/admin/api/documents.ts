// 政府文件库 (document library): staff API, as in docs/documents.md (core, gazette and catalogue routes).
import { api, type ListResult, postForm } from './client.ts';

export type DocStatus = 'draft' | 'in_review' | 'returned' | 'approved' | 'published';
export type Validity = 'valid' | 'amended' | 'repealed' | 'expired';
export type Attribute = 'proactive' | 'on_request' | 'not_public';
export type DocAction = 'edit' | 'submit' | 'approve' | 'return' | 'publish';
export type InterpretationKind = 'text' | 'graphic' | 'video' | 'qa' | 'followup';
export type RelationKind = 'amends' | 'repeals' | 'replaces';

export interface GenreMeta {
  code: string;
  name: string;
  category: string;
  needsInterpretation: boolean;
}

export interface LegalGroundMeta {
  code: string;
  article: string;
  text: string;
  attributes: Attribute[];
}

export interface DocumentsMeta {
  genres: GenreMeta[];
  topics: { code: string; name: string }[];
  legalGrounds: LegalGroundMeta[];
  attributes: Record<string, string>;
  validities: Record<string, string>;
  statuses: Record<string, string>;
  interpretationKinds: Record<string, string>;
  relationKinds: Record<string, string>;
}

export interface DocumentListItem {
  id: number;
  title: string;
  docNumber: string | null;
  indexNumber: string;
  orgId: number;
  orgName: string;
  genre: string;
  genreLabel: string;
  writtenDate: string;
  publishedDate: string | null;
  effectiveDate: string | null;
  validity: Validity;
  validityLabel: string;
  attribute: Attribute | null;
  attributeLabel: string;
  status: DocStatus;
  statusLabel: string;
  historical: boolean;
  attributeReviewDue: string | null;
  convertedOn: string | null;
}

export interface RelationView {
  id: number;
  kind: RelationKind;
  kindLabel: string;
  effectiveDate: string;
  applied: boolean;
  document: {
    id: number;
    title: string;
    docNumber: string | null;
    validity: Validity;
    validityLabel: string;
  };
}

export interface AttachmentView {
  id: number;
  fileId: number;
  name: string;
  mime: string;
  size: number;
  sortOrder: number;
  hasText: boolean;
}

export interface InterpretationSummary {
  id: number;
  kind: InterpretationKind;
  title: string;
  publishedDate: string | null;
  videoUrl: string | null;
  imageFileId: number | null;
}

export interface Interpretation {
  id: number;
  documentId: number;
  kind: InterpretationKind;
  kindLabel: string;
  title: string;
  bodyHtml: string;
  imageFileId: number | null;
  videoUrl: string | null;
  qa: { q: string; a: string }[];
  publishedDate: string | null;
  createdAt: string;
}

export interface PublicationDeadline {
  due: string | null;
  missingYear: number | null;
  message: string | null;
  overdue: boolean;
}

export interface DocumentDetail {
  id: number;
  title: string;
  docNumber: string | null;
  indexNumber: string;
  orgId: number;
  orgName: string;
  issuers: { id: number; name: string }[];
  genre: string;
  genreLabel: string;
  topic: string | null;
  topicLabel: string | null;
  keywords: string[];
  summary: string | null;
  bodyHtml: string;
  writtenDate: string;
  publishedDate: string | null;
  effectiveDate: string | null;
  validity: Validity;
  validityLabel: string;
  validityChangedOn: string | null;
  attribute: Attribute | null;
  attributeLabel: string;
  attributeGround: string | null;
  attributeGroundLabel: string | null;
  attributeReason: string | null;
  status: DocStatus;
  statusLabel: string;
  attributeReviewDue: string | null;
  convertedOn: string | null;
  historical: boolean;
  themes: { id: number; name: string }[];
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  attachments: AttachmentView[];
  interpretations: InterpretationSummary[];
  relations: { outgoing: RelationView[]; incoming: RelationView[] };
  versions: { id: number; versionNo: number; title: string; validFrom: string; validTo: string | null }[];
  reviews: {
    id: number;
    decision: 'approved' | 'returned';
    decisionLabel: string;
    notes: string | null;
    reviewer: string | null;
    reviewedAt: string;
  }[];
  attributeReviews: {
    id: number;
    decision: 'converted' | 'confirmed';
    decisionLabel: string;
    notes: string | null;
    source: string;
    reviewer: string | null;
    reviewedAt: string;
  }[];
  publicationDeadline: PublicationDeadline | null;
  allowedActions: DocAction[];
  needsInterpretation: boolean;
}

export interface DocumentInput {
  title: string;
  docNumber?: string | null;
  orgId: number;
  issuerOrgIds?: number[];
  genre: string;
  topic?: string | null;
  keywords?: string[];
  summary?: string | null;
  bodyHtml?: string;
  writtenDate: string;
  effectiveDate?: string | null;
  attribute?: Attribute | null;
  attributeGround?: string | null;
  attributeReason?: string | null;
  themeIds?: number[];
}

export interface DocumentListQuery {
  q?: string;
  status?: string;
  attribute?: string;
  genre?: string;
  orgId?: number;
  year?: number;
  validity?: string;
  historical?: 'true' | 'false';
  themeId?: number;
  topic?: string;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  id: number;
  title: string;
  docNumber: string | null;
  orgName: string;
  writtenDate: string;
  publishedDate: string | null;
  genre: string;
  validity: Validity;
  snippet: string;
  score: number;
}

export interface SearchAnswer {
  total: number;
  totalCapped?: boolean;
  relaxed?: boolean;
  results: SearchResult[];
}

export interface Theme {
  id: number;
  name: string;
  description: string;
  sortOrder: number;
  documentCount: number;
}

export interface UploadedFile {
  id: number;
  name: string;
  mime: string;
  size: number;
}

// ───────────────────────────── core ─────────────────────────────

export function fetchDocumentsMeta(): Promise<DocumentsMeta> {
  return api.get('/api/documents/meta');
}

export function listDocuments(query: DocumentListQuery): Promise<ListResult<DocumentListItem>> {
  const { topic: _topic, ...rest } = query;
  return api.get('/api/documents', { ...rest });
}

/** Full-text search (staff: drafts included). */
export function searchDocuments(query: {
  q: string;
  orgId?: number;
  year?: number;
  genre?: string;
  topic?: string;
  themeId?: number;
  validity?: string;
  limit: number;
  offset: number;
}): Promise<SearchAnswer> {
  return api.get('/api/documents/search', { ...query, drafts: 'true' });
}

export function getDocument(id: number): Promise<DocumentDetail> {
  return api.get(`/api/documents/${id}`);
}

export function createDocument(input: DocumentInput): Promise<DocumentDetail> {
  return api.post('/api/documents', input);
}

export function updateDocument(id: number, input: Partial<DocumentInput>): Promise<DocumentDetail> {
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

export function publishDocument(id: number, publishedDate?: string): Promise<DocumentDetail> {
  return api.post(`/api/documents/${id}/publish`, publishedDate ? { publishedDate } : {});
}

export function setDocumentAttribute(
  id: number,
  body: { attribute: Attribute; attributeGround?: string | null; attributeReason?: string | null },
): Promise<DocumentDetail> {
  return api.put(`/api/documents/${id}/attribute`, body);
}

export function attachFile(id: number, fileId: number, name?: string): Promise<AttachmentView> {
  return api.post(`/api/documents/${id}/attachments`, { fileId, name: name ?? null });
}

export function removeAttachment(id: number, attachmentId: number): Promise<{ ok: true }> {
  return api.delete(`/api/documents/${id}/attachments/${attachmentId}`);
}

export function listInterpretations(id: number): Promise<{ items: Interpretation[] }> {
  return api.get(`/api/documents/${id}/interpretations`);
}

export interface InterpretationInput {
  kind: InterpretationKind;
  title: string;
  bodyHtml?: string;
  imageFileId?: number | null;
  videoUrl?: string | null;
  qa?: { q: string; a: string }[];
  publishedDate?: string | null;
}

export function saveInterpretation(
  documentId: number,
  interpretationId: number | null,
  input: InterpretationInput,
): Promise<Interpretation> {
  return interpretationId
    ? api.patch(`/api/documents/${documentId}/interpretations/${interpretationId}`, input)
    : api.post(`/api/documents/${documentId}/interpretations`, input);
}

export function deleteInterpretation(documentId: number, interpretationId: number): Promise<{ ok: true }> {
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

export interface VersionAnswer {
  date: string;
  inForce: boolean;
  current?: boolean;
  versionNo?: number | null;
  title?: string;
  bodyHtml?: string;
  validFrom?: string | null;
  validTo?: string | null;
  message?: string;
}

export function versionOn(id: number, date: string): Promise<VersionAnswer> {
  return api.get(`/api/documents/${id}/version`, { date });
}

// ───────────────────────────── queues ─────────────────────────────

export interface AttributeReviewItem extends DocumentListItem {
  attributeGround: string | null;
  attributeReason: string | null;
  reason: 'periodic' | 'request';
  reasonLabel: string;
  releasedBy: {
    entryId: number;
    requestId: number;
    caseNo: string | null;
    status: string;
    statusLabel: string;
  }[];
}

export function attributeReviewQueue(): Promise<{ items: AttributeReviewItem[] }> {
  return api.get('/api/documents/attribute-reviews');
}

export function decideAttributeReview(
  id: number,
  body: { decision: 'converted' | 'confirmed'; notes: string | null; source?: 'periodic' | 'request' },
): Promise<unknown> {
  return api.post(`/api/documents/${id}/attribute-review`, body);
}

export function undeterminedQueue(page: number, pageSize: number): Promise<ListResult<DocumentListItem>> {
  return api.get('/api/documents/undetermined', { page, pageSize });
}

export interface ImportResult {
  created: { row: number; file: string; id: number; title: string; docNumber: string | null }[];
  errors: { row: number | null; file: string | null; message: string }[];
}

export function importHistorical(metadata: File, files: File[]): Promise<ImportResult> {
  const form = new FormData();
  form.append('metadata', metadata, metadata.name);
  for (const f of files) form.append('files', f, f.name);
  return postForm('/api/documents/import', form);
}

// ───────────────────────────── themes, settings ─────────────────────────────

export function listThemes(): Promise<{ items: Theme[] }> {
  return api.get('/api/documents/themes');
}

export function saveTheme(
  id: number | null,
  body: { name: string; description?: string; sortOrder?: number },
): Promise<Theme> {
  return id ? api.patch(`/api/documents/themes/${id}`, body) : api.post('/api/documents/themes', body);
}

export function deleteTheme(id: number): Promise<{ ok: true }> {
  return api.delete(`/api/documents/themes/${id}`);
}

export interface DocumentSettings {
  indexPattern: string;
  reviewIntervalMonths: number;
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
  const { items } = await postForm<{ items: UploadedFile[] }>('/api/files', form);
  return items;
}

export function fileUrl(fileId: number): string {
  return `/api/files/${fileId}`;
}

// ───────────────────────────── gazette (政府公报) ─────────────────────────────

export interface GazetteIssue {
  id: number;
  year: number;
  number: number;
  totalNumber: number | null;
  issueDate: string;
  title: string;
  status: string;
  publishedAt: string | null;
}

export interface GazetteEntry {
  itemId: number;
  section: string;
  kind: 'document' | 'interpretation';
  documentId: number;
  interpretationId: number | null;
  title: string;
  docNumber: string | null;
  orgName: string;
  date: string | null;
  published: boolean;
}

export interface GazetteCandidate {
  documentId: number;
  interpretationId: number | null;
  title: string;
  date: string;
  orgName: string;
}

export interface GazetteItemInput {
  documentId?: number | null;
  interpretationId?: number | null;
  section?: string;
}

export interface GazetteIssueInput {
  year: number;
  number: number;
  totalNumber?: number | null;
  issueDate: string;
  title: string;
  items?: GazetteItemInput[];
}

export type GazetteDetail = { issue: GazetteIssue; items: GazetteEntry[] };

export function listGazetteIssues(year?: number): Promise<{ items: GazetteIssue[] }> {
  return api.get('/api/documents/gazette/issues', { year });
}

export function gazetteCandidates(query: {
  from: string;
  to: string;
  orgId?: number;
  includeUsed?: '0' | '1';
}): Promise<{ items: GazetteCandidate[] }> {
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

export function deleteGazetteIssue(id: number): Promise<{ ok: boolean }> {
  return api.delete(`/api/documents/gazette/issues/${id}`);
}

/** The portal's PDF of a published issue. */
export function gazettePdfUrl(issue: { year: number; number: number }): string {
  return `/gk/gazette/${issue.year}/${issue.number}/pdf`;
}

// ───────────────────────────── catalogues (公开目录与栏目) ─────────────────────────────

export interface DisclosureColumn {
  id: number;
  orgId: number;
  orgName: string;
  item: number;
  itemText: string;
  name: string;
  updatePeriodDays: number;
  genres: string[];
  manualUpdatedOn: string | null;
  lastUpdated: string | null;
  documentCount: number;
  dueOn: string | null;
  stale: boolean;
  neverUpdated: boolean;
  daysOverdue: number;
}

export interface ColumnInput {
  orgId: number;
  item: number;
  name?: string;
  updatePeriodDays: number;
  genres?: string[];
  sortOrder?: number;
}

export interface PublicEnterprise {
  id: number;
  sector: string;
  name: string;
  url: string;
  orgId: number | null;
  orgName: string | null;
  description: string;
  sortOrder: number;
}

export interface EnterpriseInput {
  sector: string;
  name: string;
  url: string;
  orgId?: number | null;
  description?: string;
  sortOrder?: number;
}

export interface Guide {
  orgId: number;
  custom: boolean;
  body: string | null;
  updatedAt: string | null;
}

export function article20Items(): Promise<{ items: { item: number; name: string; text: string }[] }> {
  return api.get('/api/documents/catalogue/articles');
}

export function listColumns(orgId?: number): Promise<{ today: string; items: DisclosureColumn[] }> {
  return api.get('/api/documents/catalogue/columns', { orgId });
}

/** Columns not updated within their period, for the office's 工作台. */
export function staleColumns(): Promise<{ today: string; total: number; items: DisclosureColumn[] }> {
  return api.get('/api/documents/catalogue/columns/stale');
}

export function createColumn(input: ColumnInput): Promise<DisclosureColumn> {
  return api.post('/api/documents/catalogue/columns', input);
}

export function updateColumn(
  id: number,
  input: Partial<Omit<ColumnInput, 'orgId' | 'item'>>,
): Promise<DisclosureColumn> {
  return api.patch(`/api/documents/catalogue/columns/${id}`, input);
}

export function deleteColumn(id: number): Promise<{ ok: boolean }> {
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

export function listEnterprises(): Promise<{ items: PublicEnterprise[] }> {
  return api.get('/api/documents/catalogue/enterprises');
}

export function saveEnterprise(id: number | null, input: EnterpriseInput): Promise<PublicEnterprise> {
  return id
    ? api.patch(`/api/documents/catalogue/enterprises/${id}`, input)
    : api.post('/api/documents/catalogue/enterprises', input);
}

export function deleteEnterprise(id: number): Promise<{ ok: boolean }> {
  return api.delete(`/api/documents/catalogue/enterprises/${id}`);
}
