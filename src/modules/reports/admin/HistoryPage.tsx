/**
 * 历年报告: an agency's report years — the platform's reports and past years entered as numbers — and the
 * form that enters a past year (the table grid, or filled from the template) (reports/history/api.ts).
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ApiError, api, download, errorMessage, postForm } from '../../../admin/api/client.ts';
import { listReports } from '../../../admin/api/reports.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { chinaThisYear, formatDateTime } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { REPORT_STATE_LABELS, type ReportState } from '../domain/states.ts';
import {
  emptyTable3,
  MANUAL_FIGURE_INFO,
  MANUAL_FIGURES,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_CELL_LABELS,
  TABLE4_GROUPS,
} from '../domain/tables.ts';
import type * as s from '../history/api.schemas.ts';

type History = z.infer<typeof s.historyResponse>;
type HistoryYear = History['years'][number];
type Past = z.infer<typeof s.pastResponse>;
type Figures = z.input<typeof s.pastBody>['figures'];

const SOURCE_LABELS = { report: '系统生成', entered: '人工录入', imported: '表格导入' } as const;

function emptyFigures(): Figures {
  return {
    table2: {
      rule: [0, 0, 0],
      normative: [0, 0, 0],
      licensing: null,
      penalty: null,
      enforcement: null,
      fees: null,
    },
    table3: emptyTable3(),
    table4: Array.from({ length: 15 }, () => 0),
  };
}

function errorText(e: unknown): string {
  if (e instanceof ApiError && e.fields.length > 0)
    return `${e.message}${e.fields.map((f) => `${f.path === 'figures' ? '' : `${f.path}：`}${f.message}`).join('；')}`;
  return errorMessage(e);
}

/** The table grid of tables 二, 三, 四 (read-only without `onChange`). */
function FiguresGrid({ value, onChange }: { value: Figures; onChange?: (f: Figures) => void }) {
  const cell = (n: number | null, set: (v: number | null) => void, label: string, amount = false) =>
    onChange ? (
      <InputNumber
        aria-label={label}
        size="small"
        min={0}
        precision={amount ? 4 : 0}
        value={n}
        onChange={(v) => set(v === null ? (amount || n === null ? null : 0) : Number(v))}
        style={{ width: amount ? 110 : 72 }}
      />
    ) : (
      (n ?? '—')
    );
  const copy = (): Figures => JSON.parse(JSON.stringify(value)) as Figures;
  const table3Columns: TableColumnsType<(typeof TABLE3_ROWS)[number]> = [
    { title: '项目', key: 'label', render: (_, r) => `${r.group ?? ''}${r.label}` },
    ...TABLE3_COLUMNS.map((col, c) => ({
      title: col,
      key: col,
      width: 90,
      render: (_: unknown, r: (typeof TABLE3_ROWS)[number]) =>
        cell(
          value.table3[r.key]?.[c] ?? 0,
          (v) => {
            const f = copy();
            const row = f.table3[r.key] ?? Array(7).fill(0);
            row[c] = v ?? 0;
            f.table3[r.key] = row;
            onChange?.(f);
          },
          `${r.label}${col}`,
        ),
    })),
  ];
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        表二 主动公开政府信息情况
      </Typography.Title>
      <Space orientation="vertical" style={{ marginBottom: 16 }}>
        {TABLE2_DOC_ROWS.map((r) => (
          <Space key={r.key} wrap>
            <span style={{ display: 'inline-block', width: 120 }}>{r.label}</span>
            {TABLE2_DOC_COLUMNS.map((col, i) => (
              <span key={col}>
                {col}{' '}
                {cell(
                  value.table2[r.key][i] ?? 0,
                  (v) => {
                    const f = copy();
                    f.table2[r.key][i] = v ?? 0;
                    onChange?.(f);
                  },
                  `${r.label}${col}`,
                )}
              </span>
            ))}
          </Space>
        ))}
        {MANUAL_FIGURES.map((m) => (
          <Space key={m}>
            <span style={{ display: 'inline-block', width: 120 }}>{MANUAL_FIGURE_INFO[m].label}</span>
            {MANUAL_FIGURE_INFO[m].column}{' '}
            {cell(
              value.table2[m],
              (v) => {
                const f = copy();
                f.table2[m] = v;
                onChange?.(f);
              },
              MANUAL_FIGURE_INFO[m].label,
              m === 'fees',
            )}
          </Space>
        ))}
      </Space>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        表三 收到和处理政府信息公开申请情况
      </Typography.Title>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        columns={table3Columns}
        dataSource={[...TABLE3_ROWS]}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        表四 政府信息公开行政复议、行政诉讼情况
      </Typography.Title>
      <Space orientation="vertical">
        {TABLE4_GROUPS.map((g, gi) => (
          <Space key={g.kind} wrap>
            <span style={{ display: 'inline-block', width: 150 }}>
              {g.parent ? `${g.parent}（${g.label}）` : g.label}
            </span>
            {TABLE4_CELL_LABELS.map((col, i) => (
              <span key={col}>
                {col}{' '}
                {cell(
                  value.table4[gi * 5 + i] ?? 0,
                  (v) => {
                    const f = copy();
                    f.table4[gi * 5 + i] = v ?? 0;
                    onChange?.(f);
                  },
                  `${g.label}${col}`,
                )}
              </span>
            ))}
          </Space>
        ))}
      </Space>
    </>
  );
}

function PastDialog({
  orgId,
  shown,
  onClose,
  onSaved,
}: {
  orgId: number;
  /** null: a new year; a past year's record: view and correct it. */
  shown: Past | null | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const lastYear = chinaThisYear() - 1;
  const [year, setYear] = useState<number | null>(shown?.year ?? lastYear);
  const [figures, setFigures] = useState<Figures>((shown?.figures as Figures | undefined) ?? emptyFigures());
  const [source, setSource] = useState<'entered' | 'imported'>(shown?.source ?? 'entered');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function fill(file: File) {
    setError(undefined);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const r = await postForm<z.infer<typeof s.parsedResponse>>('/api/report-history/parse', form);
      setFigures(r.figures as Figures);
      setSource('imported');
      message.success('已读取表格中的数字，请核对后保存');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!year) return setError('请填写年度');
    setBusy(true);
    setError(undefined);
    try {
      await api.put<Past>(`/api/report-history/${orgId}/${year}`, { figures, source });
      message.success(`已保存${year}年度报告数据`);
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={shown !== undefined}
      title={shown ? `${shown.year}年度报告数据` : '录入以往年度报告数据'}
      width={1100}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <span>年度</span>
        <InputNumber
          aria-label="年度"
          min={2000}
          max={lastYear}
          precision={0}
          disabled={Boolean(shown)}
          value={year}
          onChange={(v) => setYear(v === null ? null : Number(v))}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download('/api/report-history/template', '年度报告数据模板.xlsx').catch((e) =>
              setError(errorText(e)),
            )
          }
        >
          下载模板
        </Button>
        <Upload
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            void fill(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>从表格导入</Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary">
        按已公开的年度报告填写数字（仅数字）。表三须满足勾稽关系；系统已生成年度报告的年度不能录入。保存后，下一年度报告的“上年结转”将与本年度的“结转下年度继续办理”核对。
      </Typography.Paragraph>
      {shown?.checks.some((c) => !c.ok) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={shown.checks
            .filter((c) => !c.ok)
            .map((c) => c.message)
            .join('；')}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <FiguresGrid value={figures} onChange={setFigures} />
    </Modal>
  );
}

export function ReportHistoryPage() {
  const [params, setParams] = useSearchParams();
  const agencies = useLoad(() => listReports(chinaThisYear() - 1), []);
  const orgId = Number(params.get('orgId')) || agencies.data?.items[0]?.orgId || 0;
  const history = useLoad(
    () => (orgId ? api.get<History>('/api/report-history', { orgId }) : Promise.resolve(undefined)),
    [orgId],
  );
  const [shown, setShown] = useState<Past | null>();
  const [error, setError] = useState<string>();

  async function open(y: HistoryYear) {
    try {
      setShown(await api.get<Past>(`/api/report-history/${orgId}/${y.year}`));
    } catch (e) {
      setError(errorText(e));
    }
  }

  const columns: TableColumnsType<HistoryYear> = [
    { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
    {
      title: '来源',
      dataIndex: 'source',
      width: 200,
      render: (src: HistoryYear['source'], y) => (
        <Tag color={src === 'report' ? 'blue' : 'default'}>
          {SOURCE_LABELS[src]}
          {y.state ? `（${REPORT_STATE_LABELS[y.state as ReportState] ?? ''}）` : ''}
        </Tag>
      ),
    },
    {
      title: '录入时间',
      dataIndex: 'enteredAt',
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    {
      title: '操作',
      key: 'open',
      width: 120,
      render: (_, y) =>
        y.source === 'report' ? (
          <Link to={`/annual-reports/${orgId}/${y.year}`}>查看报告</Link>
        ) : (
          <Button type="link" onClick={() => void open(y)}>
            查看、修改
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageTitle
        title="历年年度报告"
        extra={
          <Space>
            <Select
              aria-label="报告机关"
              style={{ width: 260 }}
              showSearch
              optionFilterProp="label"
              value={orgId || undefined}
              options={(agencies.data?.items ?? []).map((a) => ({ value: a.orgId, label: a.orgName }))}
              onChange={(v: number) => setParams({ orgId: String(v) })}
            />
            <Button type="primary" icon={<PlusOutlined />} disabled={!orgId} onClick={() => setShown(null)}>
              录入以往年度
            </Button>
          </Space>
        }
      />
      {(agencies.error || history.error || error) && (
        <Alert
          type="error"
          showIcon
          title={agencies.error ?? history.error ?? error}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Table
          rowKey={(y) => `${y.year}-${y.source}`}
          loading={history.loading}
          columns={columns}
          dataSource={history.data?.years ?? []}
          pagination={false}
          locale={{ emptyText: '暂无年度报告。可录入以往年度的报告数据。' }}
        />
      </Card>
      {shown !== undefined && (
        <PastDialog
          key={shown?.year ?? 'new'}
          orgId={orgId}
          shown={shown}
          onClose={() => setShown(undefined)}
          onSaved={() => {
            setShown(undefined);
            history.reload();
          }}
        />
      )}
    </>
  );
}
