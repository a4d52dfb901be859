// 文书: letter templates and a case's letters (src/modules/requests/letters.api.ts).
import { api, download } from './client.ts';

/** One letter of a case file (the case detail lists them). */
export interface CaseLetter {
  id: number;
  eventId: number;
  kind: string;
  title: string;
  fileId: number;
  createdAt: string;
}

export interface LetterPlaceholder {
  name: string;
  label: string;
}

export interface LetterTemplate {
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  /** false while the built-in default is in use. */
  custom: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
  defaultTitle: string;
  defaultBody: string;
  /** The placeholders this kind may use, written {{name}}. */
  placeholders: LetterPlaceholder[];
}

export interface LetterTemplateInput {
  title: string;
  body: string;
}

/** The download address of a letter (.docx); a plain link works, the session cookie goes along. */
export function letterUrl(requestId: number, letterId: number): string {
  return `/api/requests/${requestId}/letters/${letterId}`;
}

export function listLetterTemplates(): Promise<{ items: LetterTemplate[] }> {
  return api.get('/api/requests/letter-templates');
}

export function saveLetterTemplate(kind: string, input: LetterTemplateInput): Promise<LetterTemplate> {
  return api.put(`/api/requests/letter-templates/${encodeURIComponent(kind)}`, input);
}

/** Downloads the case file (zip); throws ApiError with the server's message (e.g. 409 for an open case). */
export function exportCaseFile(requestId: number): Promise<void> {
  return download(`/api/requests/${requestId}/export.zip`, `案卷-${requestId}.zip`);
}
