/** Response schemas of the platform's uploads (api.ts); the console imports them as types. */
import { z } from 'zod';

export const fileView = z.object({
  id: z.number(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
});

/** The answer of POST /api/files: the stored files, in the order they were sent. */
export const uploadResponse = z.object({ items: z.array(fileView) });
