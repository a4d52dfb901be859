/**
 * Which uploads are accepted, decided from the file's first bytes and its name together: the name
 * alone can lie, and the bytes alone cannot tell .docx from .xlsx (both are ZIP).
 */
export type AllowedType = { ext: string; mime: string };

const BY_EXT: Record<
  string,
  { mime: string; magic: 'pdf' | 'zip' | 'ole' | 'png' | 'jpg' | 'gif' | 'text' }
> = {
  pdf: { mime: 'application/pdf', magic: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: 'zip' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: 'zip' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: 'zip' },
  ofd: { mime: 'application/ofd', magic: 'zip' },
  doc: { mime: 'application/msword', magic: 'ole' },
  xls: { mime: 'application/vnd.ms-excel', magic: 'ole' },
  wps: { mime: 'application/vnd.ms-works', magic: 'ole' },
  png: { mime: 'image/png', magic: 'png' },
  jpg: { mime: 'image/jpeg', magic: 'jpg' },
  jpeg: { mime: 'image/jpeg', magic: 'jpg' },
  gif: { mime: 'image/gif', magic: 'gif' },
  txt: { mime: 'text/plain', magic: 'text' },
  csv: { mime: 'text/csv', magic: 'text' },
};

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

function looksLikeText(head: Uint8Array): boolean {
  for (const b of head) if (b === 0) return false;
  return true;
}

export function detectType(fileName: string, head: Uint8Array): AllowedType | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const rule = BY_EXT[ext];
  if (!rule || head.length === 0) return null;
  const ok =
    rule.magic === 'pdf'
      ? startsWith(head, [0x25, 0x50, 0x44, 0x46])
      : rule.magic === 'zip'
        ? startsWith(head, [0x50, 0x4b, 0x03, 0x04])
        : rule.magic === 'ole'
          ? startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
          : rule.magic === 'png'
            ? startsWith(head, [0x89, 0x50, 0x4e, 0x47])
            : rule.magic === 'jpg'
              ? startsWith(head, [0xff, 0xd8, 0xff])
              : rule.magic === 'gif'
                ? startsWith(head, [0x47, 0x49, 0x46, 0x38])
                : looksLikeText(head);
  return ok ? { ext, mime: rule.mime } : null;
}
