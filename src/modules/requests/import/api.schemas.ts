import { z } from 'zod';

/** The agency the ledger belongs to (multipart uploads carry it in the query string). */
export const ledgerQuery = z.object({ orgId: z.coerce.number().int().positive() });

/** One row of the ledger's check: the case it gives (import/service.ts LedgerPreviewRow). */
export const ledgerRow = z.object({
  row: z.number(),
  caseNo: z.string(),
  applicantName: z.string(),
  applicantType: z.string(),
  receivedOn: z.string(),
  unitName: z.string().nullable(),
  concludedOn: z.string().nullable(),
  reportRow: z.string().nullable(),
});

/** The answer of the preview and of the import itself. */
export const ledgerReport = z.object({
  saved: z.boolean(),
  imported: z.number(),
  valid: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  rows: z.array(ledgerRow),
});
