import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';

import { useState } from 'react';
import { loadNotice, type NoticePreview, type NoticeYearDiff, previewNotice } from '../api/calendar.ts';
import { ApiError } from '../api/client.ts';
import { formatDate, formatMonthDayWeekday } from '../lib/format.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: (years: number[]) => void;
}

/** A .txt notice in UTF-8 or GBK (as Word and WPS save it), read in the browser. */
async function readTextFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

/** One month as a small grid: days off red, make-up working days blue. */
function MonthGrid({
  year,
  month,
  off,
  work,
}: {
  year: number;
  month: number;
  off: Set<string>;
  work: Set<string>;
}) {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Blank cells before the 1st are negative numbers, so every cell has a stable key.
  const cells: number[] = Array.from({ length: first }, (_, i) => -i - 1);
  for (let d = 1; d <= days; d++) cells.push(d);
  const rows: number[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  const iso = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return (
    <table className="notice-month" style={{ borderCollapse: 'collapse', fontSize: 12, textAlign: 'center' }}>
      <caption style={{ fontWeight: 600 }}>{`${month}月`}</caption>
      <thead>
        <tr>
          {WEEK.map((w) => (
            <th key={w} scope="col" style={{ padding: '0 3px', fontWeight: 400 }}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.join('-')}>
            {row.map((d) => {
              if (d < 0) return <td key={d} />;
              const kind = off.has(iso(d)) ? 'off' : work.has(iso(d)) ? 'work' : null;
              return (
                <td
                  key={d}
                  title={kind === 'off' ? '放假' : kind === 'work' ? '调休上班' : undefined}
                  style={{
                    padding: '0 3px',
                    background: kind === 'off' ? '#fde2e2' : kind === 'work' ? '#dbeafe' : undefined,
                    fontWeight: kind ? 600 : undefined,
                  }}
                >
                  {d}
                  {kind === 'off' ? <span className="visually-hidden">（放假）</span> : null}
                  {kind === 'work' ? <span className="visually-hidden">（调休上班）</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DiffList({ diff, against }: { diff: NoticeYearDiff; against: string }) {
  if (!diff.changed) return <Typography.Text>{`与${against}完全一致。`}</Typography.Text>;
  const part = (label: string, days: string[], color: string) =>
    days.length > 0 && (
      <div>
        <Typography.Text>{label}：</Typography.Text>
        <Space size={[4, 4]} wrap>
          {days.map((d) => (
            <Tag key={d} color={color}>
              {formatMonthDayWeekday(d)}
            </Tag>
          ))}
        </Space>
      </div>
    );
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text>{`与${against}相比：`}</Typography.Text>
      {part('新增放假', diff.addedDaysOff, 'red')}
      {part('不再放假', diff.removedDaysOff, 'default')}
      {part('新增调休上班', diff.addedWorkdays, 'blue')}
      {part('不再调休上班', diff.removedWorkdays, 'default')}
    </Space>
  );
}

/**
 * 按通知录入: paste (or open a .txt of) the State Council notice, see what was read — the items, a
 * month grid, the differences with the stored or provisional calendar — and save after confirmation.
 */
export function CalendarNoticeModal({ open, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<NoticePreview>();
  const [errors, setErrors] = useState<string[]>([]);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);

  function fail(err: unknown) {
    if (err instanceof ApiError) setErrors([err.message, ...err.fields.map((f) => f.message)]);
    else setErrors(['操作失败，请稍后重试。']);
  }

  async function read() {
    setBusy(true);
    setErrors([]);
    setPreview(undefined);
    setReplace(false);
    try {
      setPreview(await previewNotice({ text, url: url || null }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    setBusy(true);
    setErrors([]);
    try {
      const r = await loadNotice({ text, url: url || null, replace });
      message.success(`已录入${r.years.join('、')}年工作日历，相关答复期限已重新计算`);
      setText('');
      setUrl('');
      setPreview(undefined);
      onSaved(r.years);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  async function onFile(file: File) {
    if (!/\.txt$/i.test(file.name) || file.size > 1024 * 1024) {
      setErrors(['请选择不超过1MB的 .txt 文本文件；Word 文件请复制全文粘贴到下方。']);
      return;
    }
    setText(await readTextFile(file));
    setPreview(undefined);
  }

  const p = preview;
  const off = new Set(p ? [...p.entry.daysOff] : []);
  const work = new Set(p ? [...p.entry.makeupWorkdays] : []);
  const canSave = p && p.missing.length === 0 && (p.comparedWith === 'provisional' || replace);
  return (
    <Modal
      open={open}
      title="按国务院办公厅通知录入节假日安排"
      width={960}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button key="read" onClick={read} loading={busy} disabled={!text.trim()}>
          读取通知
        </Button>,
        <Button key="save" type="primary" onClick={save} loading={busy} disabled={!canSave}>
          {p ? `确认录入${p.year}年` : '确认录入'}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          将《国务院办公厅关于××××年部分节假日安排的通知》全文（含标题、文号和落款日期）粘贴到下方，或选择保存为
          .txt 的通知文件。读取后请核对，再确认录入。
        </Typography.Paragraph>
        <Upload
          accept=".txt,text/plain"
          showUploadList={false}
          beforeUpload={(file) => {
            void onFile(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>打开 .txt 通知文件（可选）</Button>
        </Upload>
        <label htmlFor="notice-text">通知全文</label>
        <Input.TextArea
          id="notice-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(undefined);
          }}
          autoSize={{ minRows: 6, maxRows: 14 }}
          maxLength={20000}
        />
        <label htmlFor="notice-url">通知网址（可选，如中国政府网的发布页面）</label>
        <Input id="notice-url" value={url} onChange={(e) => setUrl(e.target.value)} maxLength={500} />
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={errors[0]}
            description={
              errors.length > 1 ? (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {errors.slice(1).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {p && (
          <>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'title', label: '通知', children: p.notice.title },
                { key: 'number', label: '文号', children: p.notice.number ?? '未注明' },
                {
                  key: 'date',
                  label: '成文日期',
                  children: p.notice.date ? formatDate(p.notice.date) : '未找到',
                },
                {
                  key: 'count',
                  label: '读取结果',
                  children: `放假${p.entry.daysOff.length}天（含周末），调休上班${p.entry.makeupWorkdays.length}天`,
                },
              ]}
            />
            {p.missing.map((m) => (
              <Alert key={m} type="error" showIcon title={m} />
            ))}
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={p.holidays}
              columns={[
                { title: '节日', dataIndex: 'name', width: 110 },
                { title: '通知原文', dataIndex: 'sentence' },
                {
                  title: '放假',
                  dataIndex: 'daysOff',
                  width: 90,
                  render: (d: string[]) => `${d.length}天`,
                },
                {
                  title: '调休上班',
                  dataIndex: 'workdays',
                  width: 180,
                  render: (d: string[]) => d.map(formatMonthDayWeekday).join('、') || '无',
                },
              ]}
            />
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
              {MONTHS.map((m) => (
                <MonthGrid key={m} year={p.year} month={m} off={off} work={work} />
              ))}
            </div>
            <DiffList
              diff={p.diff}
              against={
                p.comparedWith === 'loaded' ? `已录入的${p.year}年日历` : `暂定日历（按法定节假日推算）`
              }
            />
            {p.previousDiff && <DiffList diff={p.previousDiff} against={`已录入的${p.year - 1}年日历`} />}
            {p.previousIgnored.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={`${p.year - 1}年尚未录入，通知中该年的日期（${p.previousIgnored.join('、')}）将不会保存。`}
              />
            )}
            {p.comparedWith === 'loaded' && (
              <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                {`${p.year}年已经录入，我已核对差异，确认用这份通知替换`}
              </Checkbox>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
