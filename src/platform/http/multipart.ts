/**
 * Reading the one file of an upload or import route (declared with `uploadRoute`, `upload.ts`). The
 * multipart plugin's limits (`app.ts`: file size, files and fields per form) hold here as everywhere:
 * a file over the size limit or a form with too many fields ends the read with their Chinese refusals
 * (`error-handler.ts`). A second file is refused too, in the same words, rather than read and dropped.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The uploaded file: its name as the browser sent it (NFC, at most 300 characters) and its bytes. */
export type UploadedFile = { name: string; bytes: Buffer };

/** A file name longer than this is cut (a name is shown and stored, never trusted). */
const MAX_NAME_LENGTH = 300;

/**
 * The single file of a multipart request and its text fields. `missing` is the refusal when the form
 * carries no file or an empty one (each route says in its words what to choose).
 */
export async function readSingleUpload(
  req: FastifyRequest,
  missing: () => AppError,
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let file: UploadedFile | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (file !== null) throw new AppError('UPLOAD_TOO_MANY_FILES', { maxFiles: 1 });
      file = { name: part.filename.normalize('NFC').slice(0, MAX_NAME_LENGTH), bytes: await part.toBuffer() };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (file === null || file.bytes.length === 0) throw missing();
  return { file, fields };
}
