import type { ModuleManifest } from '../../platform/module.ts';
import { documentsApi } from './api.ts';
import { DOCUMENTS_AUDIT_LABELS } from './audit.ts';
import { documentsBenchmarks } from './benchmarks.ts';
import { catalogueApi } from './catalogue/api.ts';
import { documentsCommands } from './commands.ts';
import { DOCUMENTS_ERRORS } from './errors.ts';
import { gazetteApi } from './gazette/api.ts';
import { seedGazetteAndCatalogues } from './gazette/seeds.ts';
import { DOCUMENTS_PORTAL_PAGES, documentsPortal } from './portal/index.ts';
import { publicationRemindersJob } from './reminders.ts';
import { searchSynonymsApi } from './search/api.ts';
import { synonymMiningJob } from './search/synonyms.ts';
import { seedDemoDocuments } from './seeds.ts';
import { documentStats, documentStatsRecords } from './stats.ts';
import { validityJob } from './validity/service.ts';

/** 政府文件库: documents, disclosure attributes, review, validity, interpretations, gazette, search. */
export const documentsModule: ModuleManifest = {
  name: 'documents',
  errors: DOCUMENTS_ERRORS,
  auditLabels: DOCUMENTS_AUDIT_LABELS,
  commands: documentsCommands,
  benchmarks: documentsBenchmarks,
  derivedTables: ['document_title_postings'],
  async api(app, ctx) {
    await documentsApi(app, ctx);
    await gazetteApi(app, ctx);
    await catalogueApi(app, ctx);
    await searchSynonymsApi(app, ctx);
  },
  portalPages: DOCUMENTS_PORTAL_PAGES,
  portal: documentsPortal,
  // The gazette, Art. 20 columns and enterprises are composed from the seeded documents, so they come after.
  seed: async (db) => [...(await seedDemoDocuments(db)), ...(await seedGazetteAndCatalogues(db))],
  jobs: [validityJob, publicationRemindersJob, synonymMiningJob],
  stats: documentStats,
  statsRecords: documentStatsRecords,
};
