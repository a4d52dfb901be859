import { BellOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import {
  bellLabel,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Notification,
  notificationLink,
} from '../api/notifications.ts';
import { formatDate } from '../lib/format.ts';

/** How often the unread count is refreshed while the tab is visible. */
export const POLL_MS = 60_000;
const LIST_SIZE = 50;

type Filter = 'all' | 'unread';

/**
 * Keeps the unread count fresh: on mount, every minute while the tab is visible, and when the window
 * gets the focus or the tab becomes visible again. Failures keep the last count (a lost session is
 * handled by the client's 401 handler).
 */
function useUnreadCount(): [number, Dispatch<SetStateAction<number>>, () => void] {
  const [unread, setUnread] = useState(0);
  const inFlight = useRef(false);

  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    listNotifications({ unreadOnly: true, pageSize: 1 })
      .then(
        (r) => setUnread(r.unread),
        () => undefined,
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return [unread, setUnread, refresh];
}

/** 通知: the header bell with the unread count, and a drawer listing the person's notifications. */
export function NotificationBell() {
  const [unread, setUnread, refreshCount] = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<Notification[]>();
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [markingAll, setMarkingAll] = useState(false);
  const requestNo = useRef(0);

  const load = useCallback(
    async (f: Filter) => {
      const no = ++requestNo.current;
      setLoading(true);
      try {
        const r = await listNotifications({ unreadOnly: f === 'unread', pageSize: LIST_SIZE });
        if (no !== requestNo.current) return;
        setItems(r.items);
        setTotal(r.total);
        setUnread(r.unread);
        setError(undefined);
      } catch (e) {
        if (no === requestNo.current) setError(errorMessage(e));
      } finally {
        if (no === requestNo.current) setLoading(false);
      }
    },
    [setUnread],
  );

  function show() {
    setOpen(true);
    void load(filter);
  }

  function changeFilter(f: Filter) {
    setFilter(f);
    void load(f);
  }

  /** Marks one read here at once, then on the server; a failure shows and the list is reloaded. */
  async function markRead(n: Notification) {
    if (n.readAt) return;
    const now = new Date().toISOString();
    setItems((list) => list?.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)));
    setUnread((count) => Math.max(0, count - 1));
    try {
      await markNotificationRead(n.id);
    } catch (e) {
      setError(errorMessage(e));
      void load(filter);
    }
  }

  async function markAll() {
    setMarkingAll(true);
    try {
      await markAllNotificationsRead();
      await load(filter);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setMarkingAll(false);
    }
  }

  function close() {
    setOpen(false);
    refreshCount();
  }

  const label = bellLabel(unread);

  return (
    <>
      <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]} title={false}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={label}
          title={label}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={show}
        />
      </Badge>
      <Drawer
        title="通知"
        placement="right"
        size={420}
        open={open}
        onClose={close}
        extra={
          <Button size="small" onClick={markAll} loading={markingAll} disabled={unread === 0}>
            全部标为已读
          </Button>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Segmented<Filter>
            aria-label="筛选通知"
            value={filter}
            onChange={changeFilter}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: `未读（${unread}）` },
            ]}
          />
          {error && <Alert type="error" showIcon title={error} />}
          {items === undefined ? (
            <Spin description="正在加载…">
              <div style={{ height: 80 }} />
            </Spin>
          ) : items.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={loading ? '正在加载…' : filter === 'unread' ? '没有未读通知' : '暂无通知'}
            />
          ) : (
            <Spin spinning={loading}>
              <ul aria-label="通知列表" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((n) => (
                  <NotificationItem key={n.id} n={n} onRead={markRead} onOpen={() => setOpen(false)} />
                ))}
              </ul>
              {total > items.length && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                  {`仅显示最近 ${items.length} 条，共 ${total} 条`}
                </Typography.Paragraph>
              )}
            </Spin>
          )}
        </Space>
      </Drawer>
    </>
  );
}

function NotificationItem({
  n,
  onRead,
  onOpen,
}: {
  n: Notification;
  onRead: (n: Notification) => void;
  onOpen: () => void;
}) {
  const to = notificationLink(n);
  const unread = !n.readAt;
  const title = (
    <Typography.Text strong={unread} type={unread ? undefined : 'secondary'}>
      {n.title}
    </Typography.Text>
  );
  return (
    <li
      style={{
        display: 'flex',
        gap: 8,
        alignItems: 'flex-start',
        padding: '12px 8px',
        borderBottom: '1px solid #f0f0f0',
        background: unread ? '#f0f7ff' : undefined,
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={6} align="start">
          {unread && (
            <>
              <Badge status="processing" aria-hidden />
              <span className="visually-hidden">未读：</span>
            </>
          )}
          {to ? (
            <Link
              to={to}
              onClick={() => {
                onRead(n);
                onOpen();
              }}
            >
              {title}
            </Link>
          ) : (
            title
          )}
        </Space>
        <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{n.body}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDate(n.createdAt)}
          {n.dueOn ? ` · 期限 ${formatDate(n.dueOn)}` : ''}
        </Typography.Text>
      </div>
      {unread && (
        <Button type="link" size="small" onClick={() => onRead(n)}>
          标为已读
        </Button>
      )}
    </li>
  );
}
