/**
 * 导入台账: the office's existing application ledger as past cases (requests/import/api.ts) — download the
 * template, choose the agency and the file, see every row (or every error by row), then confirm.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { download, errorMessage, postForm } from '../../../admin/api/client.ts';
import { formatDate } from '../../../admin/lib/format.ts';
import type { OrgTreeOption } from '../../../admin/lib/orgTree.ts';
import type * as s from '../import/api.schemas.ts';

type LedgerReport = z.infer<typeof s.ledgerReport>;
type LedgerRow = z.infer<typeof s.ledgerRow>;
type RowError = LedgerReport['errors'][number];

function send(path: string, orgId: number, file: File): Promise<LedgerReport> {
  const form = new FormData();
  form.append('file', file);
  return postForm(`${path}?orgId=${orgId}`, form);
}

interface Props {
  open: boolean;
  orgOptions: OrgTreeOption[];
  defaultOrgId: number;
  onClose: () => void;
  /** After a saved import. */
  onImported: () => void;
}

export function LedgerImportDialog({ open, orgOptions, defaultOrgId, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState(defaultOrgId);
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<LedgerReport>();
  const [saved, setSaved] = useState<LedgerReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  function reset() {
    setFile(undefined);
    setReport(undefined);
    setSaved(undefined);
    setError(undefined);
  }

  async function check(f: File, org = orgId) {
    reset();
    setFile(f);
    setBusy(true);
    try {
      setReport(await send('/api/requests/import/preview', org, f));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!file) return;
    setBusy(true);
    try {
      const r = await send('/api/requests/import', orgId, file);
      setSaved(r);
      message.success(`已导入${r.imported}件申请`);
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    reset();
    onClose();
  };
  const errorCount = report?.errors.length ?? 0;

  const caseColumns: TableColumnsType<LedgerRow> = [
    { title: '行号', dataIndex: 'row', width: 60 },
    { title: '编号', dataIndex: 'caseNo', width: 120 },
    { title: '申请人', dataIndex: 'applicantName', width: 120 },
    { title: '申请人类型', dataIndex: 'applicantType', width: 110 },
    { title: '收到申请日期', dataIndex: 'receivedOn', width: 130, render: (d: string) => formatDate(d) },
    {
      title: '办结日期',
      dataIndex: 'concludedOn',
      width: 130,
      render: (d: string | null) => (d ? formatDate(d) : '尚未办结'),
    },
    { title: '计入年度报告表三', dataIndex: 'reportRow', render: (r: string | null) => r ?? '结转办理' },
  ];
  const errorColumns: TableColumnsType<RowError & { key: number }> = [
    { title: '行号', dataIndex: 'row', width: 80 },
    {
      title: '错误',
      dataIndex: 'message',
      render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
    },
  ];

  return (
    <Modal
      open={open}
      title="导入申请台账"
      width={1000}
      onCancel={close}
      footer={
        saved ? (
          <Button type="primary" onClick={close}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" disabled={!report || errorCount > 0} loading={busy} onClick={confirm}>
              确认导入
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        将本机关原有的政府信息公开申请台账导入为历史申请，每行一件。导入的申请标记为“台账导入”，只能查看，不能再办理；计入工作台列表、统计和年度报告。
      </Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="受理机关" required>
          <TreeSelect
            aria-label="受理机关"
            style={{ width: 260 }}
            treeData={orgOptions}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            value={orgId}
            onChange={(v: number) => {
              setOrgId(v);
              if (file) void check(file, v);
            }}
          />
        </Form.Item>
        <Form.Item>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/api/requests/import/template', '申请台账导入模板.xlsx').catch((e) =>
                setError(errorMessage(e)),
              )
            }
          >
            下载模板
          </Button>
        </Form.Item>
        <Form.Item>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void check(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy && !report}>
              选择 .xlsx 文件
            </Button>
          </Upload>
        </Form.Item>
        {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {report &&
        !saved &&
        (errorCount > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={`发现${errorCount}处错误，整个台账都不会导入。请按行号修改表格后重新选择文件。`}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`检查通过：将导入${report.valid}件申请。确认后一次性保存。`}
          />
        ))}
      {saved && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已导入${saved.imported}件申请。`}
        />
      )}
      {report && errorCount > 0 && (
        <Table
          rowKey="key"
          size="small"
          columns={errorColumns}
          dataSource={report.errors.map((e, i) => ({ ...e, key: i }))}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      )}
      {report && errorCount === 0 && (
        <Table<LedgerRow>
          rowKey="row"
          size="small"
          columns={caseColumns}
          dataSource={(saved ?? report).rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      )}
    </Modal>
  );
}
