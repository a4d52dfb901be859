import { DeleteOutlined, InboxOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { OrgKind } from '../../../modules/orgs/domain/roles.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  type ImportPreview,
  type NewUnit,
  type ParsedTask,
  previewImport,
  savePlan,
  type UnitMatch,
} from '../../api/workplan.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { LinkButton } from '../../components/ledger/LedgerTags.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { chinaThisYear, formatDate } from '../../lib/format.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { ORG_KIND_OPTIONS } from '../../lib/labels.ts';
import { type OrgTreeOption, toTreeOptions } from '../../lib/orgTree.ts';
import { useOrgs } from '../../lib/useOrgs.ts';

interface MetaForm {
  title: string;
  docNumber?: string;
  issuer?: string;
  issuedDate?: Dayjs | null;
  year: number;
  orgId: number;
  /** The issuer of an external plan (the province's): its units are kept verbatim, not mapped. */
  externalIssuer?: string;
}

const META_FIELDS = ['title', 'docNumber', 'issuer', 'issuedDate', 'year', 'orgId'] as const;

/** A unit name of the table and its match (the page counts the tasks naming it itself). */
type KnownUnit = Omit<UnitMatch, 'tasks'>;

type Decision = { mode: 'map'; orgId?: number } | { mode: 'create'; parentOrgId?: number; kind: OrgKind };

const VIA_LABELS: Record<string, string> = { exact: '名称一致', alias: '已记住的对应', fuzzy: '近似匹配' };

/** 导入任务表: upload, check the parsed table against the source, map the units, fill in the notice, save. */
export function ImportPlanPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<MetaForm>();
  const { orgs, tree, error: orgError } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const [year, setYear] = useState<number | null>(null);
  const [parsing, setParsing] = useState(false);
  const [parseError, setParseError] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [tasks, setTasks] = useState<ParsedTask[]>([]);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [selected, setSelected] = useState<[number, number]>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [unitError, setUnitError] = useState<string>();
  const unitsRef = useRef<HTMLDivElement>(null);

  async function parse(file: File) {
    setParsing(true);
    setParseError(undefined);
    setSaveError(undefined);
    setUnitError(undefined);
    try {
      const p = await previewImport(file, year ?? undefined);
      setPreview(p);
      setTasks(p.parsed.tasks);
      setSelected(undefined);
      const initial: Record<string, Decision> = {};
      for (const u of p.units) if (!u.group) initial[u.name] = { mode: 'map', orgId: u.orgId ?? undefined };
      setDecisions(initial);
      const d = p.parsed.doc;
      form.setFieldsValue({
        title: d.title ?? file.name.replace(/\.[^.]+$/, ''),
        docNumber: d.docNumber ?? undefined,
        issuer: d.issuer ?? undefined,
        issuedDate: d.issuedDate ? dayjs(d.issuedDate) : null,
        year: d.year ?? year ?? chinaThisYear(),
        orgId: p.ownerOrgId ?? user.orgId,
      });
    } catch (e) {
      setParseError(errorMessage(e));
      setPreview(undefined);
    } finally {
      setParsing(false);
    }
  }

  /** Every unit name of the (possibly edited) table, with the preview's match when it knew the name. */
  const units = useMemo(() => {
    const known = new Map<string, KnownUnit>((preview?.units ?? []).map((u) => [u.name, u]));
    // A name typed in while fixing a cell: matched by its exact name (the server matches it the same way).
    for (const o of orgs)
      if (!known.has(o.name))
        known.set(o.name, { name: o.name, orgId: o.id, orgName: o.name, via: 'exact', group: false });
    const counts = new Map<string, number>();
    for (const t of tasks)
      for (const n of new Set([...t.leadUnits, ...t.responsibleUnits]))
        counts.set(n, (counts.get(n) ?? 0) + 1);
    return [...counts].map(([name, count]): KnownUnit & { count: number } => ({
      ...(known.get(name) ?? { name, orgId: null, orgName: null, via: null, group: false }),
      count,
    }));
  }, [preview, tasks, orgs]);

  const toDecide = units.filter((u) => !u.group && (u.orgId === null || u.via === 'fuzzy'));
  const matched = units.filter((u) => !u.group && u.orgId !== null && u.via !== 'fuzzy');
  const groups = units.filter((u) => u.group);

  function decisionOf(u: KnownUnit): Decision {
    return decisions[u.name] ?? { mode: 'map', orgId: u.orgId ?? undefined };
  }

  function setDecision(name: string, d: Decision) {
    setDecisions((all) => ({ ...all, [name]: d }));
    setUnitError(undefined);
  }

  function updateTask(seq: number, patch: Partial<ParsedTask>) {
    setTasks((all) => all.map((t) => (t.seq === seq ? { ...t, ...patch } : t)));
  }

  async function save() {
    if (!preview) return;
    setSaveError(undefined);
    setUnitError(undefined);
    let meta: MetaForm;
    try {
      meta = await form.validateFields();
    } catch {
      setSaveError('请先补全文件信息中标红的内容');
      return;
    }
    const unitMappings: { name: string; orgId: number }[] = [];
    const createUnits: NewUnit[] = [];
    const missing: string[] = [];
    const external = meta.externalIssuer?.trim() || null;
    for (const u of units) {
      if (u.group || external) continue;
      const d = decisionOf(u);
      if (d.mode === 'map' && d.orgId) unitMappings.push({ name: u.name, orgId: d.orgId });
      else if (d.mode === 'create' && d.parentOrgId)
        createUnits.push({ name: u.name, parentOrgId: d.parentOrgId, kind: d.kind });
      else missing.push(u.name);
    }
    if (missing.length) {
      setUnitError(`以下单位尚未对应到组织机构，也未选择新建：${missing.join('、')}`);
      unitsRef.current?.scrollIntoView({ block: 'start' });
      return;
    }
    setSaving(true);
    try {
      const { id } = await savePlan({
        orgId: meta.orgId,
        year: meta.year,
        title: meta.title.trim(),
        docNumber: meta.docNumber?.trim() || null,
        issuer: meta.issuer?.trim() || null,
        issuedDate: meta.issuedDate ? meta.issuedDate.format('YYYY-MM-DD') : null,
        sourceName: preview.fileName ?? null,
        sourceText: preview.parsed.sourceText ?? null,
        tasks: tasks.map(({ sourceLines: _lines, ...t }) => t),
        unitMappings,
        createUnits,
        externalIssuer: external,
      });
      message.success(`已保存工作台账，共 ${tasks.length} 项任务`);
      navigate(`/ledger/plans/${id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'WORKPLAN_UNITS_UNMAPPED') {
        setUnitError(e.message + (e.fields.length ? `：${e.fields.map((f) => f.message).join('；')}` : ''));
        unitsRef.current?.scrollIntoView({ block: 'start' });
      } else {
        const unmatched = applyFieldErrors(form, e, META_FIELDS);
        const base = errorMessage(e);
        setSaveError(unmatched.length ? `${base.replace(/[。.]$/, '')}：${unmatched.join('；')}` : base);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageTitle
        title="导入任务表"
        extra={
          preview && (
            <Space>
              <Button icon={<ReloadOutlined />} onClick={() => setPreview(undefined)}>
                重新选择文件
              </Button>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save}>
                保存台账
              </Button>
            </Space>
          )
        }
      />
      {orgError && <Alert type="error" showIcon title={orgError} style={{ marginBottom: 16 }} />}
      {!preview ? (
        <Card>
          <Typography.Paragraph>
            选择工作任务分解表文件（支持
            .txt、.docx、.xlsx），系统将识别通知正文和附件中的任务表，解析后可逐项核对、修改，再保存为工作台账。
          </Typography.Paragraph>
          <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
            <label htmlFor="import-year">文件年度（可选，用于“12月底前”等未写年份的时限）</label>
            <InputNumber<number>
              id="import-year"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => setYear(v)}
              placeholder="如 2022"
            />
          </Flex>
          {parseError && <Alert type="error" showIcon title={parseError} style={{ marginBottom: 16 }} />}
          <Spin spinning={parsing} description="正在解析…">
            <Upload.Dragger
              accept=".txt,.docx,.xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void parse(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或将文件拖到此处</p>
              <p className="ant-upload-hint">.txt（UTF-8 或 GBK）、.docx、.xlsx</p>
            </Upload.Dragger>
          </Spin>
        </Card>
      ) : (
        <>
          {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} />}
          {preview.parsed.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`解析时有 ${preview.parsed.warnings.length} 条提示，请逐条核对原文和解析结果`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflow: 'auto' }}>
                  {preview.parsed.warnings.map((w, i) => {
                    const line = /第\s*(\d+)\s*行/.exec(w);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: warnings may repeat; their order is fixed.
                      <li key={i}>
                        {w}
                        {line && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setSelected([Number(line[1]), Number(line[1])])}
                          >
                            查看原文
                          </Button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              }
            />
          )}
          <Card
            title={<SectionTitle>文件信息</SectionTitle>}
            style={{ marginBottom: 16 }}
            extra={<Typography.Text type="secondary">来源文件：{preview.fileName}</Typography.Text>}
          >
            <Form<MetaForm> form={form} layout="vertical">
              <Row gutter={16}>
                <Col xs={24} xl={12}>
                  <Form.Item
                    name="title"
                    label="台账名称"
                    rules={[{ required: true, whitespace: true, message: '请填写台账名称' }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={6}>
                  <Form.Item name="docNumber" label="文号">
                    <Input maxLength={100} placeholder="如 济政办字〔2022〕18号" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={6}>
                  <Form.Item name="issuer" label="发文机关">
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8} xl={6}>
                  <Form.Item name="issuedDate" label="成文日期">
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8} xl={6}>
                  <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                    <InputNumber<number> min={2000} max={2100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={6}>
                  <Form.Item
                    name="externalIssuer"
                    label="上级外部计划的发文机关"
                    tooltip="导入省级等平台外机关的工作要点时填写（如山东省人民政府办公厅）：单位名称照录，不对应到本平台机构；本级计划可在“衔接上级计划”中与之对应。"
                  >
                    <Input maxLength={200} placeholder="本单位自己的计划不填" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8} xl={12}>
                  <Form.Item
                    name="orgId"
                    label="所属单位"
                    rules={[{ required: true, message: '请选择台账所属单位' }]}
                  >
                    <TreeSelect
                      treeData={orgOptions}
                      showSearch={{ treeNodeFilterProp: 'title' }}
                      treeDefaultExpandAll
                      placeholder="选择台账所属单位"
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
          <div ref={unitsRef}>
            <Card
              title={<SectionTitle>责任单位对应</SectionTitle>}
              style={{ marginBottom: 16 }}
              extra={
                <Typography.Text type="secondary">
                  共 {units.length} 个单位名称，待处理 {toDecide.length} 个
                </Typography.Text>
              }
            >
              {unitError && <Alert type="error" showIcon title={unitError} style={{ marginBottom: 16 }} />}
              {toDecide.length === 0 ? (
                <Typography.Paragraph>表中的单位名称均已对应到组织机构。</Typography.Paragraph>
              ) : (
                <Typography.Paragraph>
                  以下单位名称无法自动确定对应的组织机构：请选择已有单位，或在某一上级单位下新建。保存后系统会记住这些对应关系。
                </Typography.Paragraph>
              )}
              {toDecide.map((u) => (
                <UnitDecisionRow
                  key={u.name}
                  unit={u}
                  count={u.count}
                  decision={decisionOf(u)}
                  orgOptions={orgOptions}
                  defaultParent={form.getFieldValue('orgId') as number | undefined}
                  onChange={(d) => setDecision(u.name, d)}
                />
              ))}
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'matched',
                    label: `已自动对应的单位（${matched.length}个）`,
                    children: (
                      <Table
                        size="small"
                        rowKey="name"
                        pagination={false}
                        dataSource={matched}
                        columns={[
                          { title: '表中名称', dataIndex: 'name' },
                          { title: '对应单位', dataIndex: 'orgName' },
                          {
                            title: '对应方式',
                            dataIndex: 'via',
                            render: (v: string) => VIA_LABELS[v] ?? v,
                          },
                          { title: '涉及任务', dataIndex: 'count', align: 'right' },
                        ]}
                      />
                    ),
                  },
                  {
                    key: 'groups',
                    label: `单位组（${groups.length}个，按原文保存，下发时使用）`,
                    children: groups.length ? (
                      <Flex wrap gap={8}>
                        {groups.map((g) => (
                          <ToneTag key={g.name} tone="grey">
                            {g.name}
                          </ToneTag>
                        ))}
                      </Flex>
                    ) : (
                      <Typography.Text type="secondary">无</Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
          </div>
          <Row gutter={16}>
            <Col xs={24} xxl={15}>
              <Card title={<SectionTitle>解析结果（共 {tasks.length} 项任务）</SectionTitle>}>
                <Typography.Paragraph type="secondary">
                  点击序号可在右侧原文中定位该行；点击内容旁的编辑按钮可修改，单位每行填写一个。
                </Typography.Paragraph>
                <TaskTable
                  tasks={tasks}
                  selected={selected}
                  onSelect={setSelected}
                  onUpdate={updateTask}
                  onDelete={(seq) => setTasks((all) => all.filter((t) => t.seq !== seq))}
                />
              </Card>
            </Col>
            <Col xs={24} xxl={9}>
              <Card title={<SectionTitle>原文</SectionTitle>}>
                <SourceText text={preview.parsed.sourceText ?? ''} selected={selected} />
              </Card>
            </Col>
          </Row>
          <Flex justify="end" style={{ marginTop: 16 }}>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save}>
              保存台账
            </Button>
          </Flex>
        </>
      )}
    </>
  );
}

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

function UnitDecisionRow({
  unit,
  count,
  decision,
  orgOptions,
  defaultParent,
  onChange,
}: {
  unit: KnownUnit;
  count: number;
  decision: Decision;
  orgOptions: OrgTreeOption[];
  defaultParent: number | undefined;
  onChange: (d: Decision) => void;
}) {
  return (
    <fieldset
      aria-label={`单位“${unit.name}”的对应`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}
    >
      <Flex wrap gap={12} align="center">
        <Typography.Text strong style={{ minWidth: 160 }}>
          {unit.name}
        </Typography.Text>
        <Typography.Text type="secondary">涉及 {count} 项任务</Typography.Text>
        {unit.via === 'fuzzy' && unit.orgName && (
          <ToneTag tone="gold">近似匹配：{unit.orgName}，请确认</ToneTag>
        )}
        {unit.orgId === null && <ToneTag tone="red">未找到对应单位</ToneTag>}
        <Radio.Group
          aria-label={`${unit.name}的处理方式`}
          value={decision.mode}
          onChange={(e) =>
            onChange(
              e.target.value === 'create'
                ? { mode: 'create', parentOrgId: defaultParent, kind: 'department' }
                : { mode: 'map', orgId: unit.orgId ?? undefined },
            )
          }
          options={[
            { value: 'map', label: '对应已有单位' },
            { value: 'create', label: '新建单位' },
          ]}
        />
        {decision.mode === 'map' ? (
          <TreeSelect
            aria-label={`${unit.name}对应的单位`}
            style={{ width: 280 }}
            treeData={orgOptions}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="搜索并选择单位"
            value={decision.orgId}
            onChange={(orgId?: number) => onChange({ mode: 'map', orgId })}
          />
        ) : (
          <>
            <TreeSelect
              aria-label={`${unit.name}的上级单位`}
              style={{ width: 240 }}
              treeData={orgOptions}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              placeholder="选择上级单位"
              value={decision.parentOrgId}
              onChange={(parentOrgId?: number) => onChange({ ...decision, parentOrgId })}
            />
            <Select
              aria-label={`${unit.name}的单位类型`}
              style={{ width: 140 }}
              value={decision.kind}
              options={ORG_KIND_OPTIONS}
              onChange={(kind: OrgKind) => onChange({ ...decision, kind })}
            />
          </>
        )}
      </Flex>
    </fieldset>
  );
}

const PAGE_SIZE = 20;

function EditableText({
  value,
  label,
  onChange,
  display,
}: {
  value: string;
  label: string;
  onChange: (v: string) => void;
  display?: string;
}) {
  return (
    <Typography.Paragraph
      style={{ margin: 0, whiteSpace: 'pre-wrap' }}
      editable={{ text: value, onChange, tooltip: `编辑${label}`, triggerType: ['icon'] }}
    >
      {display ?? value ?? ''}
    </Typography.Paragraph>
  );
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

function TaskTable({
  tasks,
  selected,
  onSelect,
  onUpdate,
  onDelete,
}: {
  tasks: ParsedTask[];
  selected: [number, number] | undefined;
  onSelect: (lines: [number, number] | undefined) => void;
  onUpdate: (seq: number, patch: Partial<ParsedTask>) => void;
  onDelete: (seq: number) => void;
}) {
  const [selectedSeq, setSelectedSeq] = useState<number>();
  const [page, setPage] = useState(1);
  const hasLead = tasks.some((t) => t.leadUnits.length > 0);

  function pick(t: ParsedTask) {
    setSelectedSeq(t.seq);
    onSelect(t.sourceLines);
  }
  // A warning's 查看原文 clears the row choice.
  useEffect(() => {
    if (!selected) setSelectedSeq(undefined);
  }, [selected]);

  const columns: TableColumnsType<ParsedTask> = [
    {
      title: '序号',
      dataIndex: 'seq',
      width: 64,
      fixed: 'left',
      render: (seq: number, t) => (
        <Button type="link" size="small" aria-label={`在原文中定位第${seq}项`} onClick={() => pick(t)}>
          {seq}
        </Button>
      ),
    },
    {
      title: '分项',
      dataIndex: 'section',
      width: 120,
      render: (s: string | null, t) => (
        <EditableText
          value={s ?? ''}
          label="分项"
          onChange={(v) => onUpdate(t.seq, { section: v.trim() || null })}
        />
      ),
    },
    {
      title: '工作任务',
      dataIndex: 'task',
      width: 200,
      render: (v: string, t) => (
        <EditableText value={v} label="工作任务" onChange={(x) => onUpdate(t.seq, { task: x.trim() })} />
      ),
    },
    ...(hasLead
      ? [
          {
            title: '牵头单位',
            key: 'lead',
            width: 170,
            render: (_: unknown, t: ParsedTask) => (
              <EditableText
                value={t.leadUnits.join('\n')}
                display={t.leadUnits.join('、')}
                label="牵头单位（每行一个）"
                onChange={(x) => onUpdate(t.seq, { leadUnits: splitLines(x) })}
              />
            ),
          },
        ]
      : []),
    {
      title: '责任单位',
      key: 'responsible',
      width: 190,
      render: (_, t) => (
        <EditableText
          value={t.responsibleUnits.join('\n')}
          display={t.responsibleUnits.join('、')}
          label="责任单位（每行一个）"
          onChange={(x) => onUpdate(t.seq, { responsibleUnits: splitLines(x) })}
        />
      ),
    },
    {
      title: '具体要求',
      dataIndex: 'requirement',
      width: 320,
      render: (v: string, t) => (
        <EditableText
          value={v}
          label="具体要求"
          onChange={(x) => onUpdate(t.seq, { requirement: x.trim() })}
        />
      ),
    },
    {
      title: '完成时限',
      key: 'deadline',
      width: 210,
      render: (_, t) => (
        <Space orientation="vertical" size={4}>
          <EditableText
            value={t.deadlineRaw ?? ''}
            label="完成时限原文"
            onChange={(x) => onUpdate(t.seq, { deadlineRaw: x.trim() || null })}
          />
          <DateInput
            size="small"
            aria-label={`第${t.seq}项的完成日期`}
            value={t.due ? dayjs(t.due) : null}
            placeholder="无具体日期"
            onChange={(d) => onUpdate(t.seq, { due: d ? d.format('YYYY-MM-DD') : null })}
          />
          <Checkbox checked={t.recurring} onChange={(e) => onUpdate(t.seq, { recurring: e.target.checked })}>
            长期坚持
          </Checkbox>
          {!t.due && t.dueSuggested && (
            <Typography.Text type="secondary">
              要求中提到：{formatDate(t.dueSuggested)}{' '}
              <LinkButton onClick={() => onUpdate(t.seq, { due: t.dueSuggested ?? null })}>采用</LinkButton>
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      render: (_, t) => (
        <Popconfirm
          title={`删除第${t.seq}项任务？`}
          description="删除后保存的台账中将不含此项。"
          okText="删除"
          cancelText="取消"
          onConfirm={() => onDelete(t.seq)}
        >
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第${t.seq}项`} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Table<ParsedTask>
      rowKey="seq"
      size="small"
      bordered
      columns={columns}
      dataSource={tasks}
      scroll={{ x: 1300 }}
      pagination={{ pageSize: PAGE_SIZE, current: page, onChange: setPage, showSizeChanger: false }}
      onRow={(t) => ({
        onClick: (e) => {
          // Clicks on the cells' own buttons and editors do their own thing.
          if ((e.target as HTMLElement).closest('button, input, textarea, a, .ant-picker')) return;
          pick(t);
        },
        style: t.seq === selectedSeq ? { background: '#e6f4ff' } : undefined,
      })}
    />
  );
}

function SourceText({ text, selected }: { text: string; selected: [number, number] | undefined }) {
  const box = useRef<HTMLElement>(null);
  const lines = useMemo(() => text.split('\n'), [text]);
  useEffect(() => {
    const el = box.current;
    if (!el || !selected) return;
    const line = el.querySelector<HTMLElement>(`[data-line="${selected[0]}"]`);
    if (line) el.scrollTop = Math.max(0, line.offsetTop - el.offsetTop - 40);
  }, [selected]);
  if (!text) return <Typography.Text type="secondary">没有原文</Typography.Text>;
  return (
    <section
      ref={box}
      aria-label="原文内容"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
      style={{
        position: 'relative',
        maxHeight: 720,
        overflow: 'auto',
        fontFamily: 'monospace',
        fontSize: 13,
        lineHeight: 1.6,
        border: '1px solid #f0f0f0',
      }}
    >
      {lines.map((l, i) => {
        const n = i + 1;
        const on = selected !== undefined && n >= selected[0] && n <= selected[1];
        return (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
            key={i}
            data-line={n}
            style={{ display: 'flex', background: on ? '#fff1b8' : undefined, whiteSpace: 'pre-wrap' }}
          >
            <span
              aria-hidden
              style={{
                color: 'rgba(0,0,0,0.6)',
                minWidth: 44,
                textAlign: 'right',
                paddingRight: 8,
                userSelect: 'none',
              }}
            >
              {n}
            </span>
            <span style={{ wordBreak: 'break-all' }}>{l || ' '}</span>
          </div>
        );
      })}
    </section>
  );
}
