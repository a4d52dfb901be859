import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LedgerImportDialog } from '../../modules/requests/admin/LedgerImportDialog.tsx';
import { defaultReceivingOrgId } from '../../modules/requests/domain/registration.ts';
import type { ListResult } from '../api/client.ts';
import {
  listRequests,
  type RequestDetail,
  type RequestListItem,
  type RequestListQuery,
} from '../api/requests.ts';
import type { AssistanceStatus, ViewFilter } from '../api/requestsAssistance.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { RegisterRequestDrawer } from '../components/RegisterRequestDrawer.tsx';
import { RequestAssistanceList } from '../components/RequestAssistanceList.tsx';
import { RequestSavedViews } from '../components/RequestSavedViews.tsx';
import { DueCountdown, StageTag } from '../components/RequestTags.tsx';
import { formatDate } from '../lib/format.ts';
import { toTreeOptions } from '../lib/orgTree.ts';
import { provisionalNote } from '../lib/provisional.ts';
import { labelOf, selectOptions, useRequestsMeta } from '../lib/requestsMeta.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useOrgs } from '../lib/useOrgs.ts';

/** Query parameters that make up a saved view (the others — unit, keyword, page — are kept). */
const VIEW_KEYS = ['stage', 'overdue', 'paused', 'dueWithin'] as const;
type ViewParams = Partial<Record<(typeof VIEW_KEYS)[number], string>>;

const DUE_THIS_WEEK = '5';

/** The address's stage for every case, answered and ended ones too (the list API's `stage=all`). */
const ALL_STAGES = 'all';
/** The cases in hand, the workbench's default (the list API's `stage=open`). */
const IN_HAND = 'open';

/**
 * Saved views: quick filters kept in the address, so that a view can be bookmarked. Without a stage in
 * the address the workbench shows the cases in hand (在办: not yet answered or ended); 全部 adds the
 * answered, ended and archived ones.
 */
const VIEWS: { key: string; label: string; params: ViewParams }[] = [
  { key: 'all', label: '全部在办', params: {} },
  { key: 'unconfirmed', label: '待确认收到', params: { stage: 'awaiting-confirmation' } },
  { key: 'overdue', label: '已逾期', params: { overdue: '1' } },
  { key: 'week', label: '本周到期', params: { dueWithin: DUE_THIS_WEEK } },
  { key: 'paused', label: '暂停中', params: { paused: '1' } },
  { key: 'replied', label: '已答复待归档', params: { stage: 'replied' } },
  { key: 'everything', label: '全部（含已办结）', params: { stage: ALL_STAGES } },
];

const PAGE_SIZE = 20;
/**
 * The columns' widths (851 px) and room for the subject: at 1366 px, beside the 216 px menu, the table
 * fits without scrolling; narrower, it scrolls with the number and both deadline columns kept in view.
 */
const TABLE_MIN_WIDTH = 1040;
const NO_CASES: ListResult<RequestListItem> = { items: [], total: 0 };

function queryFrom(params: URLSearchParams): RequestListQuery {
  return {
    // A stage the address names wrongly is refused by the server with its message (没有这个办理阶段).
    stage: (params.get('stage') || IN_HAND) as RequestListQuery['stage'],
    unitId: Number(params.get('unitId')) || undefined,
    overdue: params.get('overdue') === '1',
    paused: params.get('paused') === '1',
    dueWithin: Number(params.get('dueWithin')) || undefined,
    view: params.get('view') === 'supervise' ? 'supervise' : undefined,
    q: params.get('q') || undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || PAGE_SIZE,
  };
}

const ASSISTANCE_STATUSES: readonly string[] = ['open', 'answered', 'all'];

function assistanceOf(params: URLSearchParams): AssistanceStatus | undefined {
  const v = params.get('assistance');
  return v && ASSISTANCE_STATUSES.includes(v) ? (v as AssistanceStatus) : undefined;
}

/** The saved-view form of the address (see RequestSavedViews). */
function filterOf(params: URLSearchParams): ViewFilter {
  const q = queryFrom(params);
  return {
    stage: q.stage,
    unitId: q.unitId,
    overdue: q.overdue,
    paused: q.paused,
    dueWithin: q.dueWithin,
    q: q.q,
    assistance: assistanceOf(params),
  };
}

function paramsOf(f: ViewFilter): Record<string, string | undefined> {
  return {
    stage: f.stage,
    unitId: f.unitId ? String(f.unitId) : undefined,
    overdue: f.overdue ? '1' : undefined,
    paused: f.paused ? '1' : undefined,
    dueWithin: f.dueWithin ? String(f.dueWithin) : undefined,
    q: f.q,
    assistance: f.assistance,
  };
}

function sameView(params: URLSearchParams, view: ViewParams): boolean {
  return VIEW_KEYS.every((k) => (params.get(k) || undefined) === view[k]);
}

/** 依申请公开 · 工作台: the cases in hand, the most urgent reply deadline first. */
export function RequestsPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { meta, error: metaError } = useRequestsMeta();
  const { orgs, tree, error: orgError } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);
  const key = params.toString();
  const query = useMemo(() => queryFrom(new URLSearchParams(key)), [key]);
  const assistance = assistanceOf(new URLSearchParams(key));
  const {
    data = NO_CASES,
    loading,
    error,
    reload,
  } = useLoad(() => (assistance ? Promise.resolve(NO_CASES) : listRequests(query)), [query, assistance]);
  const [keyword, setKeyword] = useState(query.q ?? '');
  const [shownQ, setShownQ] = useState(query.q);
  // The keyword box follows the address when it changes by a view button or the browser's back button.
  if (shownQ !== query.q) {
    setShownQ(query.q);
    setKeyword(query.q ?? '');
  }

  /** Changes query parameters; any filter change goes back to page 1. */
  function update(patch: Record<string, string | undefined>, keepPage = false) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!keepPage) next.delete('page');
    setParams(next);
  }

  function applyView(view: ViewParams) {
    update({ ...Object.fromEntries(VIEW_KEYS.map((k) => [k, view[k]])), assistance: undefined });
  }

  function applySaved(f: ViewFilter) {
    setParams(new URLSearchParams(Object.entries(paramsOf(f)).filter((e): e is [string, string] => !!e[1])));
  }

  function onCreated(detail: RequestDetail) {
    setRegistering(false);
    message.success(`已登记申请${detail.case.caseNo ? `，编号 ${detail.case.caseNo}` : ''}`);
    navigate(`/requests/${detail.case.id}`);
  }

  const linkState = { from: key ? `?${key}` : '' };
  const stageLabel = (stage: string) => labelOf(meta?.stages ?? [], stage);
  const filtered =
    VIEWS.some((v) => v.key !== 'all' && sameView(params, v.params)) || query.unitId || query.q;

  const supervising = query.view === 'supervise';
  const columns: TableColumnsType<RequestListItem> = [
    {
      title: '编号',
      dataIndex: 'caseNo',
      width: 120,
      fixed: 'left',
      render: (caseNo: string | null, c) => (
        <Link to={`/requests/${c.id}`} state={linkState}>
          {caseNo || `#${c.id}`}
          {c.imported && <div style={{ fontSize: 12, color: '#8c8c8c' }}>台账导入</div>}
        </Link>
      ),
    },
    {
      title: '申请事项',
      dataIndex: 'subject',
      ellipsis: true,
      render: (subject: string, c) => (
        <Link to={`/requests/${c.id}`} state={linkState} title={subject}>
          {subject}
        </Link>
      ),
    },
    // 督办 lists the cases of several agencies: name the agency addressed.
    ...(supervising ? [{ title: '受理机关', dataIndex: 'orgName', width: 150, ellipsis: true }] : []),
    { title: '申请人', dataIndex: 'applicantName', width: 100, ellipsis: true },
    {
      title: '承办单位',
      dataIndex: 'unitName',
      width: 120,
      ellipsis: true,
      render: (unitName: string | null) =>
        unitName ?? <Typography.Text type="secondary">未分办</Typography.Text>,
    },
    {
      title: '阶段',
      dataIndex: 'stage',
      width: 96,
      render: (stage: string) => <StageTag stage={stage} label={stageLabel(stage)} />,
    },
    {
      title: '收到日期',
      dataIndex: 'receivedOn',
      width: 130,
      render: (d: string | null) =>
        d ? formatDate(d) : <Typography.Text type="secondary">待确认</Typography.Text>,
    },
    {
      title: '答复期限',
      dataIndex: 'replyDue',
      width: 135,
      // Kept in view with the countdown beside it, however narrow the screen (1366 px laptops).
      fixed: 'right',
      render: (d: string | null, c) =>
        d && c.clockMissingYear ? (
          <span title={provisionalNote([c.clockMissingYear])}>
            {formatDate(d)}
            <Typography.Text type="warning">（暂定）</Typography.Text>
          </span>
        ) : (
          formatDate(d)
        ),
    },
    {
      title: '剩余时间',
      key: 'countdown',
      width: 150,
      fixed: 'right',
      render: (_, c) => <DueCountdown c={c} />,
    },
  ];

  return (
    <>
      <PageTitle
        title="依申请公开工作台"
        extra={
          user.role === 'office' && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入台账
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                登记申请
              </Button>
            </Space>
          )
        }
      />
      {(error || metaError || orgError) && (
        <Alert type="error" showIcon title={error ?? metaError ?? orgError} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Segmented
          aria-label="工作台内容"
          style={{ marginBottom: 16 }}
          options={[
            { value: 'cases', label: '办理案件' },
            { value: 'assistance', label: '协助办理' },
            // 督办: a government's disclosure office oversees its area's cases (the server scopes the list).
            ...(user.role === 'office' ? [{ value: 'supervise', label: '督办' }] : []),
          ]}
          value={assistance ? 'assistance' : supervising ? 'supervise' : 'cases'}
          onChange={(v) =>
            setParams(
              v === 'assistance'
                ? new URLSearchParams({ assistance: 'open' })
                : v === 'supervise'
                  ? new URLSearchParams({ view: 'supervise' })
                  : new URLSearchParams(),
            )
          }
        />
        <RequestSavedViews current={filterOf(params)} onApply={applySaved} />
        {assistance ? (
          <RequestAssistanceList status={assistance} onStatus={(s) => update({ assistance: s })} />
        ) : (
          <>
            <Space wrap role="group" aria-label="常用视图" style={{ marginBottom: 16 }}>
              {VIEWS.map((v) => {
                const active = sameView(params, v.params);
                return (
                  <Button
                    key={v.key}
                    type={active ? 'primary' : 'default'}
                    aria-pressed={active}
                    onClick={() => applyView(v.params)}
                  >
                    {v.label}
                  </Button>
                );
              })}
            </Space>
            <Space wrap style={{ marginBottom: 16 }}>
              <Select
                aria-label="按阶段筛选"
                style={{ width: 160 }}
                allowClear
                placeholder={query.stage === ALL_STAGES ? '全部阶段' : '在办的各阶段'}
                options={selectOptions(meta?.stages ?? [])}
                value={query.stage === IN_HAND || query.stage === ALL_STAGES ? undefined : query.stage}
                onChange={(stage?: string) => update({ stage })}
              />
              <TreeSelect
                aria-label="按承办单位筛选"
                style={{ width: 240 }}
                treeData={orgOptions}
                allowClear
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandAll
                placeholder="全部承办单位"
                value={query.unitId}
                onChange={(unitId?: number) => update({ unitId: unitId ? String(unitId) : undefined })}
              />
              <Checkbox
                checked={query.overdue}
                onChange={(e) => update({ overdue: e.target.checked ? '1' : undefined })}
              >
                逾期
              </Checkbox>
              <Checkbox
                checked={query.paused}
                onChange={(e) => update({ paused: e.target.checked ? '1' : undefined })}
              >
                暂停
              </Checkbox>
              <Checkbox
                checked={query.dueWithin === Number(DUE_THIS_WEEK)}
                onChange={(e) => update({ dueWithin: e.target.checked ? DUE_THIS_WEEK : undefined })}
              >
                本周到期（5个工作日内）
              </Checkbox>
              <Input.Search
                aria-label="搜索编号、信息名称或描述"
                style={{ width: 300 }}
                placeholder="搜索编号、信息名称或描述"
                allowClear
                enterButton="搜索"
                value={keyword}
                onChange={(e) => setKeyword(e.target.value)}
                onSearch={(q) => update({ q: q.trim() || undefined })}
              />
            </Space>
            <Table<RequestListItem>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              loading={loading}
              scroll={{ x: TABLE_MIN_WIDTH }}
              locale={{ emptyText: filtered ? '没有符合条件的申请' : '暂无申请' }}
              pagination={{
                current: query.page,
                pageSize: query.pageSize,
                total: data.total,
                showSizeChanger: true,
                showTotal: (total) => `共 ${total} 件`,
                onChange: (page, pageSize) =>
                  update(
                    {
                      page: page > 1 ? String(page) : undefined,
                      pageSize: pageSize !== PAGE_SIZE ? String(pageSize) : undefined,
                    },
                    true,
                  ),
              }}
            />
          </>
        )}
      </Card>
      <RegisterRequestDrawer
        open={registering}
        meta={meta}
        orgOptions={orgOptions}
        defaultOrgId={defaultReceivingOrgId(orgs, user.orgId)}
        onClose={() => setRegistering(false)}
        onCreated={onCreated}
      />
      <LedgerImportDialog
        open={importing}
        orgOptions={orgOptions}
        defaultOrgId={user.orgId}
        onClose={() => setImporting(false)}
        onImported={reload}
      />
    </>
  );
}
