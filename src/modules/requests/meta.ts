import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, ID_TYPE_LABELS, ID_TYPES } from './domain/applicant.ts';
import {
  GROUND_CODES,
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  OUTCOMES,
  REPLY_OUTCOMES,
  WITHHOLD_GROUNDS,
} from './domain/outcomes.ts';
import {
  ACTION_LABELS,
  ACTIONS,
  ASSIST_KIND_LABELS,
  ASSIST_KINDS,
  CONSULTATION_OPINION_LABELS,
  CONSULTATION_OPINIONS,
  EVENT_LABELS,
  NOTE_KIND_LABELS,
  STAGE_LABELS,
  STAGES,
} from './domain/stages.ts';

export const CHANNEL_LABELS = {
  online: '网上申请',
  'in-person': '当面提交',
  'post-signed': '邮寄（签收）',
  'post-confirmed': '平常信函',
  fax: '传真',
  email: '电子邮件',
} as const;

/** Every label the admin console shows for this module, from the one place each is defined. */
export function requestsMeta() {
  return {
    stages: STAGES.map((code) => ({ code, label: STAGE_LABELS[code] })),
    actions: ACTIONS.map((code) => ({ code, label: ACTION_LABELS[code] })),
    events: Object.entries(EVENT_LABELS).map(([code, label]) => ({ code, label })),
    channels: Object.entries(CHANNEL_LABELS).map(([code, label]) => ({ code, label })),
    applicantTypes: APPLICANT_TYPES.map((code) => ({ code, label: APPLICANT_TYPE_LABELS[code] })),
    idTypes: ID_TYPES.map((code) => ({ code, label: ID_TYPE_LABELS[code] })),
    outcomeGroups: Object.entries(OUTCOME_GROUP_LABELS).map(([code, label]) => ({ code, label })),
    outcomes: OUTCOME_CODES.map((code) => ({
      code,
      label: OUTCOMES[code].label,
      group: OUTCOMES[code].group,
      article: OUTCOMES[code].article,
      groundRequired: OUTCOMES[code].groundRequired,
      replyChoosable: REPLY_OUTCOMES.includes(code),
    })),
    grounds: GROUND_CODES.map((code) => ({
      code,
      label: WITHHOLD_GROUNDS[code].label,
      article: WITHHOLD_GROUNDS[code].article,
    })),
    noteKinds: Object.entries(NOTE_KIND_LABELS).map(([code, label]) => ({ code, label })),
    assistKinds: ASSIST_KINDS.map((code) => ({ code, label: ASSIST_KIND_LABELS[code] })),
    consultationOpinions: CONSULTATION_OPINIONS.map((code) => ({
      code,
      label: CONSULTATION_OPINION_LABELS[code],
    })),
  };
}
