import { Space, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { isEndedStage, type Stage } from '../api/requests.ts';

// Tag colours chosen so that the text keeps 4.5:1 contrast on its tinted background (WCAG AA);
// antd's orange and gold presets do not.
const TONES = {
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  orange: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  gold: { color: '#7c4a03', background: '#fffbe6', borderColor: '#ffe58f' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  magenta: { color: '#9e1068', background: '#fff0f6', borderColor: '#ffadd2' },
  grey: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
} satisfies Record<string, CSSProperties>;

type Tone = keyof typeof TONES;

/**
 * An outlined tag in one of the tones: a plain span drawn as antd's Tag (the `gk-tag` rule in
 * index.html), since a page may hold thousands (a ledger page of 50 tasks × 50 units) and antd's Tag
 * costs a component with its hooks each.
 */
export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className="gk-tag" style={TONES[tone]}>
      {children}
    </span>
  );
}

const STAGE_TONES: Record<Stage, Tone> = {
  'awaiting-confirmation': 'magenta',
  registered: 'blue',
  processing: 'blue',
  'awaiting-correction': 'purple',
  replied: 'green',
  closed: 'grey',
  archived: 'grey',
};

export function StageTag({ stage, label }: { stage: string; label: string }) {
  return <ToneTag tone={STAGE_TONES[stage as Stage] ?? 'grey'}>{label}</ToneTag>;
}

import { provisionalNote } from '../lib/provisional.ts';

export interface CountdownInput {
  stage: string;
  receivedOn: string | null;
  replyDue: string | null;
  workingDaysLeft: number | null;
  paused: boolean;
  overdue: boolean | null;
  clockMissingYear?: number | null;
}

/**
 * The reply countdown of a case: 已逾期 (red), 工作日剩余 N 天 (orange ≤ 3, gold ≤ 5), 暂停计时 while a
 * consultation (or fee notice) stops the clock, 待确认 before the receipt is confirmed.
 */
export function DueCountdown({ c }: { c: CountdownInput }) {
  if (isEndedStage(c.stage)) return <Typography.Text type="secondary">已办结</Typography.Text>;
  if (c.stage === 'awaiting-confirmation' || c.receivedOn === null)
    return <ToneTag tone="grey">待确认</ToneTag>;
  if (c.stage === 'awaiting-correction') return <ToneTag tone="purple">待补正</ToneTag>;
  const left = c.workingDaysLeft;
  if (c.overdue)
    return <ToneTag tone="red">{left !== null && left < 0 ? `已逾期 ${-left} 个工作日` : '已逾期'}</ToneTag>;
  const days = left === null ? null : `工作日剩余 ${left} 天`;
  if (c.paused) {
    return (
      <Space size={4} wrap>
        <ToneTag tone="grey">暂停计时</ToneTag>
        {days && <Typography.Text type="secondary">{days}</Typography.Text>}
      </Space>
    );
  }
  if (days === null) {
    return c.clockMissingYear ? (
      <Typography.Text type="secondary">{`缺少${c.clockMissingYear}年工作日历`}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  }
  const shown =
    left !== null && left <= 3 ? (
      <ToneTag tone="orange">{days}</ToneTag>
    ) : left !== null && left <= 5 ? (
      <ToneTag tone="gold">{days}</ToneTag>
    ) : (
      <span>{days}</span>
    );
  if (!c.clockMissingYear) return shown;
  // The deadline was counted over a year whose holiday notice is not loaded: provisional.
  return (
    <Space size={4} wrap>
      {shown}
      <Typography.Text type="warning">{provisionalNote([c.clockMissingYear])}</Typography.Text>
    </Space>
  );
}
