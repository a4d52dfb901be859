import { EditOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { createOrg, listReceivers, type Receivers, updateOrg } from '../api/orgs.ts';
import { ImportDialog } from '../components/ImportDialog.tsx';
import { type OrgDialog, type OrgFormInput, OrgFormModal } from '../components/OrgFormModal.tsx';
import { isOrgDisabled, OrgMoreActions } from '../components/OrgMoreActions.tsx';
import { type OrgUpkeep, OrgUpkeepModal } from '../components/OrgUpkeepModal.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { orgKindLabel } from '../lib/labels.ts';
import type { OrgNode } from '../lib/orgTree.ts';
import { useOrgs } from '../lib/useOrgs.ts';

// Only preset colours whose text keeps 4.5:1 contrast on their tinted background.
const KIND_COLORS: Record<string, string | undefined> = {
  government: 'red',
  department: 'blue',
  county: 'purple',
};

export function OrgsPage() {
  const { orgs, tree, loading, error, reload } = useOrgs();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<OrgDialog>();
  const [upkeep, setUpkeep] = useState<OrgUpkeep>();
  const [importing, setImporting] = useState(false);
  const [receivers, setReceivers] = useState<Receivers['items']>([]);
  useEffect(() => {
    if (loading) return;
    listReceivers()
      .then((r) => setReceivers(r.items))
      .catch(() => setReceivers([]));
  }, [loading]);

  async function submit(d: OrgDialog, input: OrgFormInput) {
    if (d.mode === 'edit') {
      await updateOrg(d.org.id, input);
      message.success(`已保存“${input.name}”`);
    } else if (input.parentId !== null) {
      // The form requires a parent on create (the API creates children only).
      await createOrg({ ...input, parentId: input.parentId });
      message.success(`已新增“${input.name}”`);
    }
    setDialog(undefined);
    reload();
  }

  const columns: TableColumnsType<OrgNode> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, org) =>
        isOrgDisabled(org) ? (
          <>
            {name} <Tag>已停用</Tag>
          </>
        ) : (
          name
        ),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 140,
      render: (kind: string) => <Tag color={KIND_COLORS[kind]}>{orgKindLabel(kind)}</Tag>,
    },
    { title: '机构代码', dataIndex: 'code', width: 200, render: (code: string | null) => code || '—' },
    { title: '排序', dataIndex: 'sortOrder', width: 80 },
    {
      title: '操作',
      key: 'actions',
      width: 290,
      render: (_, org) => (
        <Space size={0}>
          <Button type="link" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit', org })}>
            编辑
          </Button>
          <Button
            type="link"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ mode: 'create', parent: org })}
          >
            新增下级
          </Button>
          <OrgMoreActions org={org} onUpkeep={setUpkeep} onChanged={reload} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="组织机构"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              新增机构
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {receivers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${receivers.length}个受理依申请公开的机关没有本机关公开办账号`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="没有本机关公开办账号的机关">
              {receivers.map((r) => (
                <li key={r.orgId}>
                  {r.name}：
                  {r.via === 'designated'
                    ? `由${r.officeName}代为受理`
                    : r.via === 'fallback'
                      ? `暂由${r.officeName}代为受理（请为其设置公开办账号或受理方式）`
                      : '无人受理，门户不显示该机关'}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card>
        {/* Re-mount when the data arrives so that every level starts expanded. */}
        <Table<OrgNode>
          key={orgs.length ? 'loaded' : 'empty'}
          rowKey="id"
          columns={columns}
          dataSource={tree}
          loading={loading}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: loading ? ' ' : '尚未建立组织机构，请点击“新增机构”从本级人民政府开始建立。' }}
        />
      </Card>
      <OrgFormModal
        dialog={dialog}
        orgs={orgs}
        tree={tree}
        onClose={() => setDialog(undefined)}
        onSubmit={submit}
      />
      <OrgUpkeepModal
        action={upkeep}
        orgs={orgs}
        tree={tree}
        onClose={() => setUpkeep(undefined)}
        onDone={(text) => {
          message.success(text);
          setUpkeep(undefined);
          reload();
        }}
      />
      <ImportDialog kind="orgs" open={importing} onClose={() => setImporting(false)} onImported={reload} />
    </>
  );
}
