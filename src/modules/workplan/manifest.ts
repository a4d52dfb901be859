import type { ModuleManifest } from '../../platform/module.ts';

/** 工作台账: work-plan task tables imported, tracked per unit, assessed and cascaded. */
export const workplanModule: ModuleManifest = {
  name: 'workplan',
};
