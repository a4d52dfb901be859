// 文书: letter templates and a case's letters (src/modules/requests/letters.api.ts).
import type { z } from 'zod';
import type * as s from '../../modules/requests/api.schemas.ts';
import { api, download } from './client.ts';

/** One letter of a case file (the case detail lists them). */
export type CaseLetter = z.infer<typeof s.letterView>;
/** A letter template in use: a saved one, or the built-in default (`custom` false). */
export type LetterTemplate = z.infer<typeof s.templateView>;
/** A placeholder a kind may use, written {{name}}. */
export type LetterPlaceholder = LetterTemplate['placeholders'][number];
export type LetterTemplateInput = z.input<typeof s.templateBody>;

/** The download address of a letter (.docx); a plain link works, the session cookie goes along. */
export function letterUrl(requestId: number, letterId: number): string {
  return `/api/requests/${requestId}/letters/${letterId}`;
}

export function listLetterTemplates(): Promise<z.infer<typeof s.templatesResponse>> {
  return api.get('/api/requests/letter-templates');
}

export function saveLetterTemplate(kind: string, input: LetterTemplateInput): Promise<LetterTemplate> {
  return api.put(`/api/requests/letter-templates/${encodeURIComponent(kind)}`, input);
}

/** Downloads the case file (zip); throws ApiError with the server's message (e.g. 409 for an open case). */
export function exportCaseFile(requestId: number): Promise<void> {
  return download(`/api/requests/${requestId}/export.zip`, `案卷-${requestId}.zip`);
}
