import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../platform/roles.ts';
import { listDocuments } from '../api/documents.ts';
import { listRequests } from '../api/requests.ts';
import { listLedgerReviewQueue, listMyTasks } from '../api/workplan.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { CalendarStatusBanner } from '../components/CalendarStatusBanner.tsx';
import { StaleColumnsCard } from '../components/documents/StaleColumnsCard.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { chinaToday } from '../lib/format.ts';
import { roleLabel } from '../lib/labels.ts';
import { DUE_SOON_DAYS, ledgerTaskToReport } from '../lib/todos.ts';

interface Todo {
  key: string;
  label: string;
  /** What the figure counts, read out after it. */
  hint: string;
  /** The list the figure links to, filtered to what it counts. */
  href: string;
  roles: readonly Role[];
  count: () => Promise<number>;
}

/** 「本周到期」: the workbench's `dueWithin` counts working days. */
const WEEK_WORKING_DAYS = 5;

const ALL: readonly Role[] = ['admin', 'office', 'handler', 'reviewer', 'approver'];

/** How many of the caller's cases (the workbench's scope) a filter of the workbench lists. */
const cases = (query: Parameters<typeof listRequests>[0]) => () =>
  listRequests({ ...query, page: 1, pageSize: 1 }).then((r) => r.total);

/**
 * The to-dos of the home page, each counted with the modules' existing lists (the caller's scope is
 * the server's) and linking to that list, filtered.
 */
const TASK_TILES: readonly Todo[] = [
  {
    key: 'confirm',
    label: '待确认收到',
    hint: '件申请待确认收到',
    href: '/requests?stage=awaiting-confirmation',
    roles: ['admin', 'office'],
    count: cases({ stage: 'awaiting-confirmation' }),
  },
  {
    key: 'assign',
    label: '待分办',
    hint: '件申请已登记、待分办',
    href: '/requests?stage=registered',
    roles: ['admin', 'office'],
    count: cases({ stage: 'registered' }),
  },
  {
    key: 'due',
    label: '本周到期',
    hint: `件申请${WEEK_WORKING_DAYS}个工作日内到期`,
    href: `/requests?dueWithin=${WEEK_WORKING_DAYS}`,
    roles: ALL,
    count: cases({ stage: 'open', dueWithin: WEEK_WORKING_DAYS }),
  },
  {
    key: 'overdue',
    label: '已逾期',
    hint: '件申请已逾期',
    href: '/requests?overdue=1',
    roles: ALL,
    count: cases({ stage: 'open', overdue: true }),
  },
  {
    key: 'review-documents',
    label: '文件待审核',
    hint: '份文件待审核',
    href: '/documents/review',
    roles: ['admin', 'approver', 'reviewer'],
    count: () => listDocuments({ status: 'in_review', page: 1, pageSize: 1 }).then((r) => r.total),
  },
  {
    key: 'review-ledger',
    label: '台账进展待审核',
    hint: '条台账进展报送待审核',
    href: '/ledger',
    roles: ['admin', 'office'],
    count: () => listLedgerReviewQueue().then((r) => r.length),
  },
  {
    key: 'ledger-due',
    label: '台账任务待报送',
    hint: `项台账任务被退回、已逾期或${DUE_SOON_DAYS}日内到期`,
    href: '/ledger/my',
    roles: ALL,
    count: () => {
      const today = chinaToday();
      return listMyTasks({}).then((tasks) => tasks.filter((t) => ledgerTaskToReport(t, today)).length);
    },
  },
];

type Counts = Record<string, number | 'failed' | undefined>;

function useTodoCounts(todos: readonly Todo[]): Counts {
  const [counts, setCounts] = useState<Counts>({});
  useEffect(() => {
    let cancelled = false;
    for (const todo of todos) {
      todo.count().then(
        (n) => !cancelled && setCounts((c) => ({ ...c, [todo.key]: n })),
        () => !cancelled && setCounts((c) => ({ ...c, [todo.key]: 'failed' })),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [todos]);
  return counts;
}

function TodoTile({ todo, count }: { todo: Todo; count: Counts[string] }) {
  const figure = count === undefined ? '…' : count === 'failed' ? '—' : String(count);
  const pending = typeof count === 'number' && count > 0;
  return (
    <Link
      to={todo.href}
      aria-label={
        typeof count === 'number'
          ? `${todo.label}：${count}${todo.hint}`
          : `${todo.label}：${count === 'failed' ? '暂时无法统计' : '正在统计'}`
      }
      style={{
        display: 'block',
        padding: '12px 16px',
        border: '1px solid #f0f0f0',
        borderRadius: 8,
        color: 'inherit',
        background: pending ? '#fff7e6' : '#fff',
      }}
    >
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {todo.label}
      </Typography.Text>
      <span
        data-todo={todo.key}
        style={{ fontSize: 26, fontWeight: 600, color: pending ? '#ad4e00' : undefined }}
      >
        {figure}
      </span>
    </Link>
  );
}

export function HomePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [todos] = useState(() => TASK_TILES.filter((t) => t.roles.includes(user.role)));
  const counts = useTodoCounts(todos);
  return (
    <>
      <PageTitle title="工作台" />
      {(user.role === 'admin' || user.role === 'office') && (
        <CalendarStatusBanner onEnterYear={() => navigate('/system/calendar', { state: { notice: true } })} />
      )}
      <Card title={`您好，${user.displayName}`} style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 4 }}
          size="small"
          items={[
            { key: 'org', label: '所属机构', children: user.orgName },
            { key: 'role', label: '角色', children: roleLabel(user.role) },
            { key: 'username', label: '用户名', children: user.username },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>待办事项</h2>} style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          {todos.map((todo) => (
            <Col key={todo.key} xs={12} sm={8} lg={6} xl={4}>
              <TodoTile todo={todo} count={counts[todo.key]} />
            </Col>
          ))}
        </Row>
      </Card>
      {(user.role === 'office' || user.role === 'admin') && <StaleColumnsCard />}
    </>
  );
}
