import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { RELATION_KIND_LABELS } from '../../../modules/documents/domain/codes.ts';
import {
  addRelation,
  type DocumentDetail,
  listDocuments,
  type RelationKind,
  type RelationView,
} from '../../api/documents.ts';
import { formatDate } from '../../lib/format.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { ValidityTag } from './DocTags.tsx';
import { mapOptions } from './meta.ts';

interface Values {
  targetId: number;
  kind: RelationKind;
  effectiveDate?: Dayjs | null;
}

const FIELD_NAMES = ['targetId', 'kind', 'effectiveDate'] as const;

/** A select that finds documents by title, 文号 or 索引号 as one types. */
function DocumentPicker({
  value,
  onChange,
  excludeId,
  id,
}: {
  value?: number;
  onChange?: (v: number) => void;
  excludeId: number;
  id?: string;
}) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  async function search(q: string) {
    if (!q.trim()) return;
    setLoading(true);
    try {
      const { items } = await listDocuments({ q: q.trim(), page: 1, pageSize: 20 });
      setOptions(
        items
          .filter((d) => d.id !== excludeId)
          .map((d) => ({ value: d.id, label: d.docNumber ? `${d.title}（${d.docNumber}）` : d.title })),
      );
    } finally {
      setLoading(false);
    }
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      placeholder="输入标题、文号或索引号查找"
      notFoundContent={loading ? '正在查找…' : '输入后查找文件'}
    />
  );
}

/**
 * 文件关联: this document amends, repeals or replaces older ones (the old one's validity changes on the
 * effective date), and the newer documents that changed this one.
 */
export function RelationsCard({
  doc,
  editable,
  relationKinds,
  onSaved,
}: {
  doc: DocumentDetail;
  editable: boolean;
  relationKinds: Record<string, string> | undefined;
  onSaved: (next: DocumentDetail) => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const rows = [
    ...doc.relations.outgoing.map((r) => ({ ...r, direction: 'out' as const })),
    ...doc.relations.incoming.map((r) => ({ ...r, direction: 'in' as const })),
  ];

  async function submit(values: Values) {
    const next = await addRelation(doc.id, {
      targetId: values.targetId,
      kind: values.kind,
      effectiveDate: values.effectiveDate ? values.effectiveDate.format('YYYY-MM-DD') : null,
    });
    setOpen(false);
    message.success('已添加文件关联');
    onSaved(next);
  }

  return (
    <Card
      title="文件关联与效力"
      style={{ marginBottom: 16 }}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            添加关联
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <Empty description="没有修改、废止或替代关系" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<RelationView & { direction: 'out' | 'in' }>
          rowKey={(r) => `${r.direction}-${r.id}`}
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: '关系',
              key: 'kind',
              width: 150,
              render: (_, r) => (r.direction === 'out' ? `本文件${r.kindLabel}` : `被该文件${r.kindLabel}`),
            },
            {
              title: '文件',
              key: 'document',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/documents/${r.document.id}`}>{r.document.title}</Link>
                  {r.document.docNumber && (
                    <Typography.Text type="secondary">{r.document.docNumber}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '有效性',
              key: 'validity',
              width: 90,
              render: (_, r) => (
                <ValidityTag validity={r.document.validity} label={r.document.validityLabel} />
              ),
            },
            {
              title: '生效日期',
              dataIndex: 'effectiveDate',
              width: 170,
              render: (d: string, r) => `${formatDate(d)}${r.applied ? '' : '（未到期）'}`,
            },
          ]}
        />
      )}
      <FormModal<Values>
        open={open}
        title="添加文件关联"
        fieldNames={FIELD_NAMES}
        initialValues={{
          kind: 'amends',
          effectiveDate: doc.effectiveDate ? dayjs(doc.effectiveDate) : null,
        }}
        onCancel={() => setOpen(false)}
        onSubmit={submit}
      >
        <Typography.Paragraph type="secondary">
          被关联文件的有效性在生效日期自动变更：修改→已修改，废止→已废止，替代→已失效。
        </Typography.Paragraph>
        <Form.Item
          name="kind"
          label="本文件对被关联文件"
          rules={[{ required: true, message: '请选择关联类型' }]}
        >
          <Select options={mapOptions(relationKinds ?? RELATION_KIND_LABELS)} />
        </Form.Item>
        <Form.Item
          name="targetId"
          label="被关联文件"
          rules={[{ required: true, message: '请选择被关联的文件' }]}
        >
          <DocumentPicker excludeId={doc.id} />
        </Form.Item>
        <Form.Item name="effectiveDate" label="生效日期" extra="不填则为本文件的施行日期">
          <DateInput />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
