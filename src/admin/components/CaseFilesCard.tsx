import { DownloadOutlined, FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { type CaseFile, caseFileUrl, type RequestDetail } from '../api/requests.ts';
import { formatDate } from '../lib/format.ts';

const itemStyle = { padding: '6px 0', borderBottom: '1px solid #f0f0f0' } as const;

/**
 * 案卷材料: the applicant's papers (the scanned letter of a paper application, identity, other), the
 * assistance answers' files and the information the replies released, grouped; each a download. Shown only
 * when the case has any.
 */
export function CaseFilesCard({ detail }: { detail: RequestDetail }) {
  const files = detail.files ?? [];
  const documents = detail.releasedDocuments ?? [];
  if (files.length === 0 && documents.length === 0) return null;
  const groups = new Map<string, CaseFile[]>();
  for (const f of files) groups.set(f.groupLabel, [...(groups.get(f.groupLabel) ?? []), f]);
  const released = groups.get('公开的政府信息') ?? [];
  groups.delete('公开的政府信息');
  return (
    <Card title="案卷材料" style={{ marginBottom: 16 }}>
      {[...groups].map(([label, list]) => (
        <section key={label} aria-label={label}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {label}
          </Typography.Title>
          <ul style={{ listStyle: 'none', margin: '0 0 12px', padding: 0 }}>
            {list.map((f) => (
              <FileItem key={f.fileId} requestId={detail.case.id} file={f} />
            ))}
          </ul>
        </section>
      ))}
      {(released.length > 0 || documents.length > 0) && (
        <section aria-label="公开的政府信息">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            公开的政府信息
          </Typography.Title>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {documents.map((d) => (
              <li key={`d${d.documentId}`} style={itemStyle}>
                <FileTextOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
                {`《${d.title}》${d.docNumber ? `（${d.docNumber}）` : ''}`}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {`政府文件库 · ${formatDate(d.on)}随答复提供`}
                </Typography.Text>
              </li>
            ))}
            {released.map((f) => (
              <FileItem key={f.fileId} requestId={detail.case.id} file={f} />
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}

function FileItem({ requestId, file }: { requestId: number; file: CaseFile }) {
  return (
    <li style={itemStyle}>
      <PaperClipOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
      <a href={caseFileUrl(requestId, file.fileId)} download>
        {file.name}
        <DownloadOutlined aria-hidden style={{ marginInlineStart: 6 }} />
      </a>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {`${file.label} · ${formatDate(file.on)}`}
      </Typography.Text>
    </li>
  );
}
