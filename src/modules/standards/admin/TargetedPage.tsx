import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Upload,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { FormModal } from '../../../admin/components/FormModal.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { ToneTag } from '../../../admin/components/RequestTags.tsx';
import { chinaToday, formatChineseDate } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import {
  addPosting,
  createNotice,
  listManagedOrgs,
  listNotices,
  type NoticeBody,
  type NoticeView,
  type PostingBody,
  publishNotice,
  uploadList,
  withdrawNotice,
} from './api.ts';

const STATUS: Record<NoticeView['status'], { label: string; tone: 'blue' | 'green' | 'grey' }> = {
  draft: { label: '草稿', tone: 'blue' },
  published: { label: '已发布', tone: 'green' },
  withdrawn: { label: '已撤回', tone: 'grey' },
};

const period = (n: NoticeView) => `${formatChineseDate(n.periodStart)}至${formatChineseDate(n.periodEnd)}`;

function NoticeDetail({ notice, onChange }: { notice: NoticeView; onChange: (n: NoticeView) => void }) {
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [posting, setPosting] = useState(false);
  const [reason, setReason] = useState('');
  const act = async (f: () => Promise<NoticeView>, done: string) => {
    setError(undefined);
    try {
      onChange(await f());
      message.success(done);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="发布机关">{notice.orgName}</Descriptions.Item>
        <Descriptions.Item label="公开范围">
          {notice.place}
          {notice.audience && `（${notice.audience}）`}
        </Descriptions.Item>
        <Descriptions.Item label="公示期">{period(notice)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <ToneTag tone={STATUS[notice.status].tone}>{STATUS[notice.status].label}</ToneTag>
          {notice.withdrawReason && `（${notice.withdrawReason}）`}
        </Descriptions.Item>
      </Descriptions>
      <h3 style={{ marginTop: 16 }}>名单（共{notice.rows.length}行，个人信息已脱敏）</h3>
      {notice.removedColumns.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={`${notice.removedColumns.join('、')}已按规定删除，不保存、不公开。`}
        />
      )}
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={notice.rows.map((r) => ({ r }))}
        columns={notice.columns.map((c, i) => ({
          title: c,
          key: String(i),
          render: (_: unknown, x: { r: string[] }) => x.r[i],
        }))}
      />
      <Space wrap style={{ marginTop: 16 }}>
        {notice.canManage && notice.status === 'draft' && (
          <>
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                void act(() => uploadList(notice.id, f), '名单已上传并脱敏');
                return false;
              }}
            >
              <Button>上传名单（.xlsx）</Button>
            </Upload>
            <Button type="primary" onClick={() => act(() => publishNotice(notice.id), '已发布')}>
              发布
            </Button>
          </>
        )}
        <Button href={`/api/targeted/${notice.id}/print`} target="_blank">
          打印公开栏张贴稿
        </Button>
        {notice.canPost && notice.status !== 'draft' && (
          <Button onClick={() => setPosting(true)}>登记张贴情况</Button>
        )}
      </Space>
      {notice.canManage && notice.status === 'published' && (
        <Space.Compact style={{ marginTop: 16, width: '100%' }}>
          <Input
            aria-label="撤回理由"
            placeholder="撤回理由"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button danger onClick={() => act(() => withdrawNotice(notice.id, reason), '已撤回')}>
            撤回
          </Button>
        </Space.Compact>
      )}
      <h3 style={{ marginTop: 16 }}>张贴情况</h3>
      {notice.postings.length === 0 ? (
        <p>尚未登记。</p>
      ) : (
        <ul>
          {notice.postings.map((p) => (
            <li key={p.id}>
              {p.location}：{formatChineseDate(p.postedOn)}张贴
              {p.removedOn && `，${formatChineseDate(p.removedOn)}撤下`}
              {p.postedBy && `（${p.postedBy}）`}
            </li>
          ))}
        </ul>
      )}
      <FormModal<PostingBody>
        open={posting}
        title="登记张贴情况"
        initialValues={{ postedOn: chinaToday() }}
        fieldNames={['location', 'postedOn', 'removedOn', 'postedBy', 'note']}
        onCancel={() => setPosting(false)}
        onSubmit={async (v) => {
          onChange(await addPosting(notice.id, { ...v, removedOn: v.removedOn || null }));
          setPosting(false);
          message.success('已登记');
        }}
      >
        <Form.Item name="location" label="张贴地点" rules={[{ required: true, message: '请填写张贴地点' }]}>
          <Input maxLength={200} placeholder="如：张庄村村务公开栏" />
        </Form.Item>
        <Form.Item name="postedOn" label="张贴日期" rules={[{ required: true, message: '请填写张贴日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="removedOn" label="撤下日期">
          <Input type="date" />
        </Form.Item>
        <Form.Item name="postedBy" label="张贴人">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 定点、定向公开: notices for one village or group, their masked lists, publication and postings. */
export function TargetedPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad(() => listNotices(), []);
  const orgs = useLoad(() => listManagedOrgs(), []);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<NoticeView | null>(null);
  const managed = orgs.data?.items ?? [];

  const columns: TableColumnsType<NoticeView> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (t: string, r) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setShown(r)}
        >
          {t}
        </Button>
      ),
    },
    { title: '公开范围', dataIndex: 'place', width: 160 },
    { title: '发布机关', dataIndex: 'orgName', width: 160 },
    { title: '公示期', key: 'period', width: 230, render: (_, r) => period(r) },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, r) => <ToneTag tone={STATUS[r.status].tone}>{STATUS[r.status].label}</ToneTag>,
    },
    { title: '张贴', key: 'postings', width: 70, render: (_, r) => `${r.postings.length}次` },
  ];

  return (
    <>
      <PageTitle
        title="定点、定向公开"
        extra={
          managed.length > 0 && (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建定向公开
            </Button>
          )
        }
      />
      <p>
        面向特定村（社区）或群体公开的信息。上传的名单在保存前自动脱敏：身份证号码等证件号码整列删除，姓名、电话、账号、门牌号部分隐去。
      </p>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <FormModal<NoticeBody>
        open={creating}
        title="新建定向公开信息"
        width={640}
        initialValues={{ orgId: managed[0]?.id, periodStart: chinaToday() }}
        fieldNames={['orgId', 'title', 'place', 'audience', 'intro', 'periodStart', 'periodEnd', 'contact']}
        onCancel={() => setCreating(false)}
        onSubmit={async (v) => {
          const n = await createNotice(v);
          setCreating(false);
          message.success('已保存为草稿，请上传名单');
          reload();
          setShown(n);
        }}
      >
        <Form.Item name="orgId" label="发布机关" rules={[{ required: true, message: '请选择发布机关' }]}>
          <Select options={managed.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={200} placeholder="如：张庄村2026年耕地地力保护补贴发放名单公示" />
        </Form.Item>
        <Form.Item
          name="place"
          label="公开的村（社区）或群体"
          rules={[{ required: true, message: '请填写公开范围' }]}
        >
          <Input maxLength={100} placeholder="如：太平镇张庄村" />
        </Form.Item>
        <Form.Item name="audience" label="公开对象">
          <Input maxLength={200} placeholder="如：本村承包耕地农户" />
        </Form.Item>
        <Form.Item name="intro" label="说明">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="periodStart"
            label="公示开始日期"
            rules={[{ required: true, message: '请填写开始日期' }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label="公示截止日期"
            rules={[{ required: true, message: '请填写截止日期' }]}
          >
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="contact" label="监督电话">
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
      <Drawer
        title={shown?.title}
        open={shown !== null}
        onClose={() => setShown(null)}
        width={760}
        destroyOnHidden
      >
        {shown && (
          <NoticeDetail
            notice={shown}
            onChange={(n) => {
              setShown(n);
              reload();
            }}
          />
        )}
      </Drawer>
    </>
  );
}
