/**
 * Who may do what in the document library (pure). Scope (which organisations) is checked separately
 * against the actor's visible organisations (orgs/service visibleOrgIds).
 */
export type DocPermission =
  | 'view' // staff views of drafts, reviews, queues
  | 'draft' // create and edit drafts, attachments, interpretations, relations
  | 'review' // 保密审查: approve or return
  | 'publish'
  | 'attribute_review' // 定期复审 of 依申请公开 / 不予公开 documents, undetermined historical documents
  | 'import' // bulk import of historical documents
  | 'settings'; // index pattern, review interval, 特色主题

const GRANTS: Record<string, readonly DocPermission[]> = {
  admin: ['view', 'draft', 'review', 'publish', 'attribute_review', 'import', 'settings'],
  office: ['view', 'draft', 'publish', 'attribute_review', 'import'],
  approver: ['view', 'draft', 'review', 'publish', 'attribute_review'],
  reviewer: ['view', 'review', 'attribute_review'],
  handler: ['view', 'draft'],
};

export function mayDo(role: string, permission: DocPermission): boolean {
  return GRANTS[role]?.includes(permission) ?? false;
}
