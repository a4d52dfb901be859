import { Alert, Button, Descriptions, Input, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatChineseDate } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS, SELECTION_LABELS } from '../domain/participation.ts';
import {
  drawEvent,
  type EventDetail,
  fetchEvent,
  publishEvent,
  publishList,
  saveOpinion,
  selectParticipants,
} from './api.ts';

type Signup = EventDetail['signups'][number];

/**
 * One hearing, meeting or open day: its facts, the people who signed up (staff only), the draw (seed
 * recorded) or the selection by criteria, the published list, representatives' opinions and answers.
 */
export function EventPage() {
  const id = Number(useParams().id);
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useLoad(() => fetchEvent(id), [id, version]);
  const [actionError, setActionError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [seed, setSeed] = useState('');
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [drafts, setDrafts] = useState<Record<number, { opinion: string; answer: string }>>({});

  async function act(work: () => Promise<unknown>) {
    setActionError(undefined);
    setBusy(true);
    try {
      await work();
      setChosen(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!data) return <>{error && <Alert type="error" showIcon message={error} />}</>;
  const e = data.event;
  const selectedIds = chosen ?? data.signups.filter((s) => s.selected).map((s) => s.id);
  const canSelect = e.canManage && e.selection === 'criteria' && !e.listPublished;
  const columns: TableColumnsType<Signup> = [
    { title: '报名序号', dataIndex: 'id', width: 90 },
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '联系方式', dataIndex: 'contact', width: 140 },
    { title: '职业或身份', dataIndex: 'identity', width: 140 },
    { title: '报名理由', dataIndex: 'reason' },
    { title: '入选', dataIndex: 'selected', width: 70, render: (b: boolean) => (b ? '是' : '否') },
  ];
  if (e.kind === 'meeting' && e.canManage)
    columns.push({
      title: '意见和答复',
      key: 'opinion',
      width: 360,
      render: (_, s) => {
        if (!s.selected) return null;
        const d = drafts[s.id] ?? { opinion: s.opinion, answer: s.answer };
        const set = (v: Partial<typeof d>) => setDrafts({ ...drafts, [s.id]: { ...d, ...v } });
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              aria-label={`${s.name}的意见`}
              rows={2}
              value={d.opinion}
              onChange={(x) => set({ opinion: x.target.value })}
            />
            <Input.TextArea
              aria-label={`对${s.name}意见的答复`}
              rows={2}
              value={d.answer}
              onChange={(x) => set({ answer: x.target.value })}
            />
            <Button
              size="small"
              disabled={busy}
              onClick={() => act(() => saveOpinion(s.id, d.opinion, d.answer))}
            >
              保存意见和答复
            </Button>
          </Space>
        );
      },
    });

  return (
    <>
      <PageTitle
        title={e.title}
        extra={
          e.canManage && (
            <Space wrap>
              {e.status === 'draft' && (
                <Button type="primary" disabled={busy} onClick={() => act(() => publishEvent(id))}>
                  发布（开始报名）
                </Button>
              )}
              {e.status === 'published' && !e.listPublished && e.kind !== 'open_day' && (
                <Button disabled={busy || e.selected === 0} onClick={() => act(() => publishList(id))}>
                  公布名单
                </Button>
              )}
            </Space>
          )
        }
      />
      {(error || actionError) && (
        <Alert type="error" showIcon message={error ?? actionError} style={{ marginBottom: 16 }} />
      )}
      <Descriptions bordered column={2} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="类型">{EVENT_KIND_LABELS[e.kind]}</Descriptions.Item>
        <Descriptions.Item label="组织单位">{e.orgName}</Descriptions.Item>
        <Descriptions.Item label="举办时间">
          {formatChineseDate(e.heldOn)} {e.startsAt}
        </Descriptions.Item>
        <Descriptions.Item label="地点">{e.place || '—'}</Descriptions.Item>
        <Descriptions.Item label="名额">{e.places}</Descriptions.Item>
        <Descriptions.Item label="报名人数">{e.signups}</Descriptions.Item>
        <Descriptions.Item label="遴选方式">
          {SELECTION_LABELS[e.selection]}
          {e.selectionNote ? `：${e.selectionNote}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          {e.status === 'draft' ? '未发布' : EVENT_PHASE_LABELS[e.phase]}
          {e.listPublished ? '，名单已公布' : ''}
        </Descriptions.Item>
        {e.kind === 'hearing' && (
          <Descriptions.Item label="听证材料送达" span={2}>
            {e.materialsSentOn
              ? `${formatChineseDate(e.materialsSentOn)}${e.materialsOnTime ? '（符合召开7日前送达的要求）' : '（晚于召开7日前，不符合第十七条要求）'}`
              : `尚未送达，最迟应于${formatChineseDate(e.materialsDeadline)}送达`}
          </Descriptions.Item>
        )}
        {e.drawSeed && (
          <Descriptions.Item label="抽签记录" span={2}>
            种子 {e.drawSeed}；候选报名序号 {(e.drawCandidates ?? []).join('、')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.canManage &&
        e.selection === 'draw' &&
        !e.drawSeed &&
        e.status === 'published' &&
        e.phase !== 'signup' && (
          <Space style={{ marginBottom: 16 }}>
            <Input
              aria-label="抽签种子"
              placeholder="抽签种子（可填当日彩票开奖号码，留空由系统生成）"
              value={seed}
              maxLength={64}
              style={{ width: 360 }}
              onChange={(x) => setSeed(x.target.value)}
            />
            <Button
              type="primary"
              disabled={busy}
              onClick={() => act(() => drawEvent(id, seed.trim() || null))}
            >
              公开抽签
            </Button>
          </Space>
        )}
      {canSelect && (
        <Space style={{ marginBottom: 16 }}>
          <span>
            已选 {selectedIds.length} 人（名额 {e.places}）
          </span>
          <Button
            type="primary"
            disabled={busy}
            onClick={() => act(() => selectParticipants(id, selectedIds))}
          >
            保存遴选结果
          </Button>
        </Space>
      )}
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.signups}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        rowSelection={
          canSelect
            ? { selectedRowKeys: selectedIds, onChange: (keys) => setChosen(keys.map(Number)) }
            : undefined
        }
      />
      {data.survey.length > 0 && (
        <Descriptions title="满意度调查" bordered size="small" column={5} style={{ marginTop: 16 }}>
          {data.survey.map((s) => (
            <Descriptions.Item key={s.rating} label={`${s.rating}分`}>
              {s.count}份
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </>
  );
}
