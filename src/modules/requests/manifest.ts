import type { ModuleManifest } from '../../platform/module.ts';
import { APPLY_PATH, applyPage } from './portal/apply.page.ts';
import { deadlinePage } from './portal/deadline.page.ts';

/** 依申请公开. So far: the public 依申请公开 column and its 答复期限计算 page, over the pure clock. */
export const requestsModule: ModuleManifest = {
  name: 'requests',
  portalPages: [APPLY_PATH],
  async portal(app, ctx) {
    await applyPage(app, ctx);
    await deadlinePage(app, ctx);
  },
};
