/** Public surface of the documents module (政府文件库). Other modules import from here only. */

export { listColumns as disclosureColumns } from './catalogue/store.ts';
export {
  ATTRIBUTE_LABELS,
  GENRE_LABELS,
  GENRES,
  LEGAL_GROUNDS,
  needsInterpretation,
  STATUS_LABELS,
  TOPIC_LABELS,
  TOPICS,
  VALIDITY_LABELS,
} from './domain/codes.ts';
export { docNumberKey, parseDocNumber } from './domain/doc-number.ts';
export { documentsModule } from './manifest.ts';
export { forgetPortalFacets } from './portal/documents.page.ts';
export {
  documentsForRelease,
  findByDocNumber,
  getPublicDocument,
  type ReleasableDocument,
  releasedDocument,
} from './service.ts';
export { listPublicDocumentTexts, type PublicDocumentText, publicDocumentsStamp } from './texts.ts';
