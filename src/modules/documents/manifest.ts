import type { ModuleManifest } from '../../platform/module.ts';

/** 政府文件库: documents, disclosure attributes, review, validity, interpretations, gazette, search. */
export const documentsModule: ModuleManifest = {
  name: 'documents',
};
