// 文书: letter templates and a case's letters (src/modules/requests/letters.api.ts).
import type { z } from 'zod';
import type * as s from '../../modules/requests/api.schemas.ts';
import { api, buildQuery, download } from './client.ts';

/** One letter of a case file (the case detail lists them). */
export type CaseLetter = z.infer<typeof s.letterView>;
/** A letter template in force: the agency's own, the shared one, or the built-in default (`source`). */
export type LetterTemplate = z.infer<typeof s.templateView>;
export type LetterTemplates = z.infer<typeof s.templatesResponse>;
/** Whose templates: an agency (`orgId`), or the shared ones (null). */
export type LetterTemplateScope = LetterTemplates['scope'];
/** A placeholder a kind may use, written {{name}}. */
export type LetterPlaceholder = LetterTemplate['placeholders'][number];
export type LetterTemplateInput = z.input<typeof s.templateBody>;

/** The download address of a letter (.docx); a plain link works, the session cookie goes along. */
export function letterUrl(requestId: number, letterId: number): string {
  return `/api/requests/${requestId}/letters/${letterId}`;
}

/** The templates of a scope (`orgId` null: the shared ones; undefined: the first the user may edit). */
export function listLetterTemplates(orgId?: number | null): Promise<LetterTemplates> {
  return api.get('/api/requests/letter-templates', orgId ? { orgId } : undefined);
}

const templatePath = (kind: string, orgId: number | null) =>
  `/api/requests/letter-templates/${encodeURIComponent(kind)}${buildQuery(orgId ? { orgId } : undefined)}`;

export function saveLetterTemplate(
  kind: string,
  input: LetterTemplateInput,
  orgId: number | null,
): Promise<LetterTemplate> {
  return api.put(templatePath(kind, orgId), input);
}

/** Deletes the scope's own text: an agency then uses the shared text, the shared scope the default. */
export function resetLetterTemplate(kind: string, orgId: number | null): Promise<LetterTemplate> {
  return api.delete(templatePath(kind, orgId));
}

/** Downloads the case file (zip); throws ApiError with the server's message (e.g. 409 for an open case). */
export function exportCaseFile(requestId: number): Promise<void> {
  return download(`/api/requests/${requestId}/export.zip`, `案卷-${requestId}.zip`);
}
