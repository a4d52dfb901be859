import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of the decisions module (决策公开、公众参与): HTTP status and the Chinese message. */
export const DECISIONS_ERRORS = {
  CONSULTATION_STATE: {
    status: 409,
    message: (p) => `该意见征集当前为“${p.state ?? ''}”状态，不能${p.action ?? '进行此操作'}。`,
  },
  CONSULTATION_NOT_OPEN: {
    status: 409,
    message: (p) =>
      p.closesOn
        ? `该意见征集已于${String(p.closesOn)}结束，不再接收意见。`
        : '该意见征集目前不在征求意见期限内，不能提交意见。',
  },
  CONSULTATION_IMPORT_FILE: {
    status: 400,
    message: (p) => `导入文件有误：${p.detail ?? ''}`,
  },
  DECISION_STEPS: {
    status: 409,
    message: (p) => `${p.detail ?? '决策程序步骤不完整'}`,
  },
  DECISION_ITEM_REASON: {
    status: 400,
    message: (p) =>
      `${p.change ?? '调整'}须填写调整原因：${p.why ?? '该事项已在网站公布的决策事项目录中'}，调整原因将与调整记录一并公开。`,
  },
  CONSULTATION_GROUP: {
    status: 409,
    message: (p) => `${p.detail ?? '分组操作无效'}`,
  },
  EVENT_STATE: {
    status: 409,
    message: (p) => `${p.detail ?? '该活动当前不能进行此操作'}。`,
  },
  EVENT_SIGNUP_CLOSED: {
    status: 409,
    message: (p) => `报名已于${p.lastDay ?? ''}截止，报名未成功。`,
  },
  EVENT_FULL: {
    status: 409,
    message: (p) => `名额已满（共${p.places ?? ''}个名额），报名未成功。感谢您的关注，欢迎参加以后的活动。`,
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof DECISIONS_ERRORS> {}
}
