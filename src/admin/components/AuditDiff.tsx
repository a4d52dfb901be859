import { Col, Row, Typography } from 'antd';
import type { AuditEntry } from '../api/audit.ts';

const preStyle = {
  margin: 0,
  padding: 12,
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  fontSize: 12,
  maxHeight: 360,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level keys whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={{ ...preStyle, marginTop: 8 }}>
        {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const changed = changedKeys(entry.before, entry.after);
  return (
    <div>
      {changed.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          变更字段：{changed.join('、')}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <JsonBlock label="变更前" value={entry.before} />
        </Col>
        <Col span={12}>
          <JsonBlock label="变更后" value={entry.after} />
        </Col>
      </Row>
    </div>
  );
}
