import { DownloadOutlined, FileWordOutlined, FileZipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { exportCaseFile, letterUrl } from '../api/letters.ts';
import { isEndedStage, type RequestDetail } from '../api/requests.ts';
import { formatDate } from '../lib/format.ts';
import { eventLabel, type RequestsMeta } from '../lib/requestsMeta.ts';

interface Props {
  detail: RequestDetail;
  meta: RequestsMeta | undefined;
  /** The case file may be exported by the disclosure office only (the server checks the agency). */
  canExport: boolean;
  /** Called when the server finds the page out of date (409: the case is no longer as shown). */
  onStale?: () => void;
}

/** 文书: the letters of the case file, each a .docx download, and the 导出案卷 button once the case has ended. */
export function CaseLettersCard({ detail, meta, canExport, onStale }: Props) {
  const c = detail.case;
  const letters = detail.letters ?? [];
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const exportable = canExport && isEndedStage(c.stage);

  async function exportFile() {
    setExporting(true);
    setExportError(undefined);
    try {
      await exportCaseFile(c.id);
    } catch (e) {
      setExportError(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) onStale?.();
    } finally {
      setExporting(false);
    }
  }

  return (
    <Card
      title="文书"
      style={{ marginBottom: 16 }}
      extra={
        exportable ? (
          <Button icon={<FileZipOutlined />} loading={exporting} onClick={exportFile}>
            导出案卷
          </Button>
        ) : undefined
      }
    >
      {exportError && (
        <Alert
          type="error"
          showIcon
          title={`导出失败：${exportError}`}
          closable={{ onClose: () => setExportError(undefined) }}
          style={{ marginBottom: 12 }}
        />
      )}
      {letters.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="暂无文书。办理补正告知、延期、收费、征求意见或答复后，系统将自动生成相应文书。"
        />
      ) : (
        <ul aria-label="文书列表" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {letters.map((l) => {
            const event = detail.events.find((e) => e.id === l.eventId);
            return (
              <li
                key={l.id}
                style={{
                  display: 'flex',
                  gap: 8,
                  alignItems: 'flex-start',
                  padding: '8px 0',
                  borderBottom: '1px solid #f0f0f0',
                }}
              >
                <FileWordOutlined aria-hidden style={{ color: '#2b579a', fontSize: 18, marginTop: 2 }} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <a href={letterUrl(c.id, l.id)} download>
                    {l.title}
                    <DownloadOutlined aria-hidden style={{ marginInlineStart: 6 }} />
                  </a>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {[event ? eventLabel(meta, event.type) : undefined, formatDate(event?.on ?? l.createdAt)]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
