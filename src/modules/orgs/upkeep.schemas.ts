import { z } from 'zod';

export { idParam } from '../../platform/http/schemas.ts';

export const renameBody = z.object({
  name: z.string().trim().min(1, '请输入机构名称').max(100, '机构名称不能超过100个字'),
});
export const moveBody = z.object({ parentId: z.number().int().positive('请选择新的上级机构') });
export const disableBody = z.object({ disabled: z.boolean() });
export const mergeBody = z.object({ targetId: z.number().int().positive('请选择合并到的机构') });
export const resetPasswordBody = z.object({
  /** The new password; absent: a random one is generated and returned once. */
  password: z.string().max(200, '密码不能超过200位').optional(),
});

/** An organisation after an upkeep operation (the register's fields included). */
export const orgRegisterView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  kind: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  acceptsRequests: z.boolean(),
  disabled: z.boolean(),
});
export const mergeResponse = z.object({
  target: orgRegisterView,
  /** Rows moved, by referencing column (`users.org_id`: 3). */
  moved: z.record(z.string(), z.number()),
});
export const referencesResponse = z.object({
  items: z.array(z.object({ label: z.string(), count: z.number() })),
});
export const resetPasswordResponse = z.object({
  /** The generated password, shown this once; null when the administrator gave one. */
  password: z.string().nullable(),
});
export const ok = z.object({ ok: z.literal(true) });
