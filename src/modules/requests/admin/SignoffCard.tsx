import { Alert, Card, Descriptions, Steps, Typography } from 'antd';
import type { RequestDetail } from '../../../admin/api/requests.ts';
import { formatDate } from '../../../admin/lib/format.ts';
import { labelOf, type RequestsMeta } from '../../../admin/lib/requestsMeta.ts';

/**
 * 答复审核签发 on a case (domain/signoff.ts): the agency's chain, the draft and the step it waits for, the
 * reply deadline beside it, the comment of the last return (for the drafter), and who signed the reply.
 */
export function SignoffCard({ detail, meta }: { detail: RequestDetail; meta: RequestsMeta | undefined }) {
  const s = detail.signoff;
  if (s.chain === 'none' && !s.signed) return null;
  const due = detail.clock?.replyDue;
  const steps = [
    { key: 'draft', label: '承办人拟稿' },
    ...s.steps.map((x) => ({ key: x.step, label: x.label })),
  ];
  const current = s.signed ? steps.length : s.draft ? steps.findIndex((x) => x.key === s.draft?.pending) : 0;
  return (
    <Card title="审核签发" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{`本机关的答复流程：${s.chainLabel}`}</Typography.Paragraph>
      <Steps
        size="small"
        direction="vertical"
        current={current}
        items={steps.map((x, i) => ({
          title: x.label,
          description: i === current && !s.signed && due ? `待办理；答复期限：${formatDate(due)}` : undefined,
        }))}
      />
      {s.returned && !s.draft && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`答复草稿已被退回修改（${s.returned.stepLabel}，${s.returned.actorName ?? ''}，${formatDate(s.returned.on)}）`}
          description={`修改意见：${s.returned.comment}`}
        />
      )}
      {s.draft && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 12 }}
          items={[
            { key: 'pending', label: '当前环节', children: `待${s.draft.pendingLabel}` },
            {
              key: 'outcome',
              label: '答复类型',
              children: `${labelOf(meta?.outcomes ?? [], s.draft.outcome)}${s.draft.groundCode ? `（${labelOf(meta?.grounds ?? [], s.draft.groundCode)}）` : ''}`,
            },
            {
              key: 'text',
              label: '答复内容',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{s.draft.text}</span>,
            },
            {
              key: 'by',
              label: '拟稿',
              children: `${s.draft.drafterName ?? '承办人'}，${formatDate(s.draft.on)}`,
            },
            { key: 'due', label: '答复期限', children: due ? formatDate(due) : '—' },
          ]}
        />
      )}
      {s.signed && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {`已由${s.signed.signerName ?? '负责人'}${s.signed.orgName ? `代表${s.signed.orgName}` : ''}于${formatDate(s.signed.on)}签发。`}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
