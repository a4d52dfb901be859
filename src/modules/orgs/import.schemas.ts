import { z } from 'zod';

/** One row of an import's check: what it will do (or did), and its errors. */
export const importRow = z.object({
  row: z.number(),
  label: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  messages: z.array(z.string()),
});

/** The answer of an import's preview and of the import itself. */
export const importReport = z.object({
  saved: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  rows: z.array(importRow),
  /** New accounts' generated passwords: in the answer of a saved user import only, this once. */
  passwords: z.array(z.object({ username: z.string(), password: z.string() })).optional(),
});
