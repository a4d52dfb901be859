import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  downloadImportTemplate,
  IMPORT_LABELS,
  type ImportKind,
  type ImportReport,
  type ImportRow,
  previewImport,
  runImport,
} from '../api/orgRegister.ts';

const ACTIONS: Record<ImportRow['action'], { label: string; color?: string }> = {
  create: { label: '新增', color: 'green' },
  update: { label: '修改', color: 'blue' },
  unchanged: { label: '无变化' },
  error: { label: '有错误', color: 'red' },
};

interface Props {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
  /** After a saved import. */
  onImported: () => void;
}

/** 导入: download the template, upload a file, see every row's outcome and errors, then confirm. */
export function ImportDialog({ kind, open, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const label = IMPORT_LABELS[kind];
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [saved, setSaved] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  function reset() {
    setFile(undefined);
    setReport(undefined);
    setSaved(undefined);
    setError(undefined);
  }

  async function check(f: File) {
    reset();
    setFile(f);
    setBusy(true);
    try {
      setReport(await previewImport(kind, f));
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
      const r = await runImport(kind, file);
      setSaved(r);
      message.success(`已导入：新增${r.created}个，修改${r.updated}个`);
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableColumnsType<ImportRow> = [
    { title: '行号', dataIndex: 'row', width: 70 },
    { title: kind === 'orgs' ? '名称' : '账号', dataIndex: 'label', width: 200 },
    {
      title: '结果',
      dataIndex: 'action',
      width: 90,
      render: (a: ImportRow['action']) => <Tag color={ACTIONS[a].color}>{ACTIONS[a].label}</Tag>,
    },
    {
      title: '说明',
      dataIndex: 'messages',
      render: (m: string[], row) =>
        m.map((text) => (
          <div key={text}>
            <Typography.Text type={row.action === 'error' ? 'danger' : undefined}>{text}</Typography.Text>
          </div>
        )),
    },
  ];
  const errorCount = report?.errors.length ?? 0;
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`从表格导入${label}`}
      width={900}
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
      <Space style={{ marginBottom: 16 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadImportTemplate(kind).catch((e) => setError(errorMessage(e)))}
        >
          下载模板
        </Button>
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
        {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {report &&
        !saved &&
        (errorCount > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={`发现${errorCount}处错误，整个文件都不会导入。请按行号修改表格后重新选择文件。`}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`检查通过：将新增${report.created}个、修改${report.updated}个${label}，${report.unchanged}个无变化。确认后一次性保存。`}
          />
        ))}
      {saved?.passwords && saved.passwords.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="新账号的初始密码只显示这一次，请立即复制并转交本人"
          description={
            <Typography.Paragraph copyable style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {saved.passwords.map((p) => `${p.username}\t${p.password}`).join('\n')}
            </Typography.Paragraph>
          }
        />
      )}
      {report && (
        <Table<ImportRow>
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={(saved ?? report).rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      )}
    </Modal>
  );
}
