// The code lists of the document library (GET /api/documents/meta), loaded once per session.

import { type DocumentsMeta, fetchDocumentsMeta } from '../../api/documents.ts';
import { chinaThisYear } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

let cached: Promise<DocumentsMeta> | undefined;

function loadMeta(): Promise<DocumentsMeta> {
  cached ??= fetchDocumentsMeta().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

export function useDocumentsMeta(): { meta: DocumentsMeta | undefined; error: string | undefined } {
  const { data, error } = useLoad(loadMeta, []);
  return { meta: data, error };
}

export interface Option {
  value: string;
  label: string;
}

/** Select options from a `{ code: label }` map. */
export function mapOptions(map: Record<string, string> | undefined): Option[] {
  return Object.entries(map ?? {}).map(([value, label]) => ({ value, label }));
}

/** Years offered by the year filters: this year back to 2000. */
export function yearOptions(): { value: number; label: string }[] {
  const now = chinaThisYear();
  return Array.from({ length: now - 1999 }, (_, i) => ({ value: now - i, label: `${now - i}年` }));
}
