import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ATTRIBUTES, STATUSES, VALIDITIES } from '../../../modules/documents/domain/codes.ts';
import { can } from '../../../modules/documents/domain/policies.ts';
import type { ListResult } from '../../api/client.ts';
import {
  type DocumentListItem,
  type DocumentListQuery,
  listDocuments,
  listThemes,
  type SearchAnswer,
  type SearchResult,
  searchDocuments,
  type Validity,
} from '../../api/documents.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { AttributeTag, StatusTag, ValidityTag } from '../../components/documents/DocTags.tsx';
import { EmptyText, scrollWhenRows } from '../../components/documents/EmptyText.tsx';
import { mapOptions, useDocumentsMeta, yearOptions } from '../../components/documents/meta.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate } from '../../lib/format.ts';
import { toTreeOptions } from '../../lib/orgTree.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useOrgs } from '../../lib/useOrgs.ts';

const PAGE_SIZE = 20;
const NO_DOCS: ListResult<DocumentListItem> = { items: [], total: 0 };
const NO_HITS: SearchAnswer = { total: 0, totalCapped: false, results: [], relaxed: false };

interface Filters {
  q?: string;
  orgId?: number;
  year?: number;
  genre?: string;
  topic?: string;
  themeId?: number;
  validity?: Validity;
  status?: DocumentListQuery['status'];
  attribute?: DocumentListQuery['attribute'];
  page: number;
  pageSize: number;
}

/** The value of a URL parameter when it is one of the server's codes (others are not sent). */
function oneOf<T extends string>(codes: readonly T[], value: string | null): T | undefined {
  return codes.find((c) => c === value);
}

function filtersFrom(params: URLSearchParams): Filters {
  return {
    q: params.get('q') || undefined,
    orgId: Number(params.get('orgId')) || undefined,
    year: Number(params.get('year')) || undefined,
    genre: params.get('genre') || undefined,
    topic: params.get('topic') || undefined,
    themeId: Number(params.get('themeId')) || undefined,
    validity: oneOf(VALIDITIES, params.get('validity')),
    status: oneOf(STATUSES, params.get('status')),
    attribute: oneOf([...ATTRIBUTES, 'none'], params.get('attribute')),
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || PAGE_SIZE,
  };
}

/**
 * 文件管理: the documents in the user's scope. Without a search word the list is filtered by status,
 * attribute and the rest; with one it is the full-text search (drafts included), ranked, with snippets.
 */
export function DocumentsPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { meta, error: metaError } = useDocumentsMeta();
  const { tree } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const themes = useLoad(listThemes, []);
  const key = params.toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(key)), [key]);
  const searching = Boolean(filters.q);
  const list = useLoad(
    () =>
      searching
        ? Promise.resolve(NO_DOCS)
        : listDocuments({
            orgId: filters.orgId,
            year: filters.year,
            genre: filters.genre,
            themeId: filters.themeId,
            validity: filters.validity,
            status: filters.status,
            attribute: filters.attribute,
            page: filters.page,
            pageSize: filters.pageSize,
          }),
    [filters],
  );
  const hits = useLoad(
    () =>
      searching
        ? searchDocuments({
            q: filters.q ?? '',
            orgId: filters.orgId,
            year: filters.year,
            genre: filters.genre,
            topic: filters.topic,
            themeId: filters.themeId,
            validity: filters.validity,
            limit: filters.pageSize,
            offset: (filters.page - 1) * filters.pageSize,
          })
        : Promise.resolve(NO_HITS),
    [filters],
  );
  const [keyword, setKeyword] = useState(filters.q ?? '');
  const [shownQ, setShownQ] = useState(filters.q);
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setKeyword(filters.q ?? '');
  }

  function update(patch: Record<string, string | number | undefined>, keepPage = false) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next);
  }

  /** `about`: the search's total is an estimate (约 N 件) or a lower bound (超过 N 件). */
  const pagination = (total: number, about: '' | '约' | '超过' = '') => ({
    current: filters.page,
    pageSize: filters.pageSize,
    total,
    showSizeChanger: true,
    showTotal: (t: number) => `共${about} ${t.toLocaleString('zh-CN')} 件`,
    onChange: (page: number, pageSize: number) =>
      update(
        {
          page: page > 1 ? page : undefined,
          pageSize: pageSize !== PAGE_SIZE ? pageSize : undefined,
        },
        true,
      ),
  });

  const titleLink = (id: number, title: string) => (
    <Link to={`/documents/${id}`} title={title}>
      {title}
    </Link>
  );

  const columns: TableColumnsType<DocumentListItem> = [
    { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, d) => titleLink(d.id, t) },
    {
      title: '文号',
      dataIndex: 'docNumber',
      width: 190,
      render: (n: string | null) => n ?? <Typography.Text type="secondary">无</Typography.Text>,
    },
    { title: '索引号', dataIndex: 'indexNumber', width: 200 },
    { title: '发文机关', dataIndex: 'orgName', width: 140, ellipsis: true },
    { title: '成文日期', dataIndex: 'writtenDate', width: 130, render: (d: string) => formatDate(d) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (_: string, d) => <StatusTag status={d.status} label={d.statusLabel} />,
    },
    {
      title: '公开属性',
      dataIndex: 'attribute',
      width: 110,
      render: (_: string, d) => <AttributeTag attribute={d.attribute} label={d.attributeLabel} />,
    },
    {
      title: '有效性',
      dataIndex: 'validity',
      width: 90,
      render: (_: string, d) => <ValidityTag validity={d.validity} label={d.validityLabel} />,
    },
  ];

  const validityLabels: Partial<Record<Validity, string>> = meta?.validities ?? {};
  const genreName = (code: string) => meta?.genres.find((g) => g.code === code)?.name ?? code;
  const searchColumns: TableColumnsType<SearchResult> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (t: string, r) => (
        <>
          {titleLink(r.id, t)}
          {r.snippet && (
            <p
              style={{ margin: '4px 0 0', fontSize: 13, color: 'rgba(0, 0, 0, 0.65)' }}
              // The server escapes the text and adds only <mark> around matches.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped snippet from the search API
              dangerouslySetInnerHTML={{ __html: r.snippet }}
            />
          )}
        </>
      ),
    },
    {
      title: '文号',
      dataIndex: 'docNumber',
      width: 190,
      render: (n: string | null) => n ?? <Typography.Text type="secondary">无</Typography.Text>,
    },
    { title: '发文机关', dataIndex: 'orgName', width: 140, ellipsis: true },
    { title: '体裁', dataIndex: 'genre', width: 120, render: (g: string) => genreName(g) },
    { title: '成文日期', dataIndex: 'writtenDate', width: 130, render: (d: string) => formatDate(d) },
    {
      title: '有效性',
      dataIndex: 'validity',
      width: 90,
      render: (v: DocumentListItem['validity']) => (
        <ValidityTag validity={v} label={validityLabels[v] ?? v} />
      ),
    },
  ];

  const error = metaError ?? (searching ? hits.error : list.error);
  const filtered =
    filters.orgId ||
    filters.year ||
    filters.genre ||
    filters.themeId ||
    filters.validity ||
    filters.status ||
    filters.attribute;

  return (
    <>
      <PageTitle
        title="文件管理"
        extra={
          can(user, 'draft') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/documents/new')}>
              起草文件
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="全文检索：标题、文号、正文、附件和解读"
            style={{ width: 420 }}
            placeholder="全文检索：标题、文号、正文、附件和解读"
            allowClear
            enterButton="检索"
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(q) => update({ q: q.trim() || undefined })}
          />
        </Space>
        <Space wrap style={{ marginBottom: 16 }}>
          <TreeSelect
            aria-label="按发文机关筛选"
            style={{ width: 220 }}
            treeData={orgOptions}
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="全部机关"
            value={filters.orgId}
            onChange={(orgId?: number) => update({ orgId })}
          />
          <Select
            aria-label="按年份筛选"
            style={{ width: 110 }}
            allowClear
            placeholder="全部年份"
            options={yearOptions()}
            value={filters.year}
            onChange={(year?: number) => update({ year })}
          />
          <Select
            aria-label="按体裁筛选"
            style={{ width: 150 }}
            allowClear
            placeholder="全部体裁"
            options={(meta?.genres ?? []).map((g) => ({ value: g.code, label: g.name }))}
            value={filters.genre}
            onChange={(genre?: string) => update({ genre })}
          />
          {searching && (
            <Select
              aria-label="按主题分类筛选"
              style={{ width: 150 }}
              allowClear
              placeholder="全部主题分类"
              options={(meta?.topics ?? []).map((t) => ({ value: t.code, label: t.name }))}
              value={filters.topic}
              onChange={(topic?: string) => update({ topic })}
            />
          )}
          <Select
            aria-label="按特色主题筛选"
            style={{ width: 140 }}
            allowClear
            placeholder="全部特色主题"
            options={(themes.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={filters.themeId}
            onChange={(themeId?: number) => update({ themeId })}
          />
          <Select
            aria-label="按有效性筛选"
            style={{ width: 130 }}
            allowClear
            placeholder="全部有效性"
            options={mapOptions(meta?.validities)}
            value={filters.validity}
            onChange={(validity?: string) => update({ validity })}
          />
          {!searching && (
            <>
              <Select
                aria-label="按状态筛选"
                style={{ width: 130 }}
                allowClear
                placeholder="全部状态"
                options={mapOptions(meta?.statuses)}
                value={filters.status}
                onChange={(status?: string) => update({ status })}
              />
              <Select
                aria-label="按公开属性筛选"
                style={{ width: 130 }}
                allowClear
                placeholder="全部公开属性"
                options={[...mapOptions(meta?.attributes), { value: 'none', label: '未确定' }]}
                value={filters.attribute}
                onChange={(attribute?: string) => update({ attribute })}
              />
            </>
          )}
        </Space>
        {searching ? (
          <>
            <Typography.Paragraph type="secondary">
              {`检索“${filters.q}”：按相关度排序，含草稿和未发布的文件。`}
              {hits.data?.relaxed ? '没有同时包含全部检索词的文件，已放宽为包含任一检索词。' : ''}
            </Typography.Paragraph>
            <Table<SearchResult>
              rowKey="id"
              columns={searchColumns}
              dataSource={(hits.data ?? NO_HITS).results}
              loading={hits.loading}
              scroll={scrollWhenRows(hits.data?.results.length ?? 0, 1000)}
              locale={{ emptyText: <EmptyText>没有检索到相关文件</EmptyText> }}
              pagination={pagination(
                (hits.data ?? NO_HITS).total,
                hits.data?.totalEstimated ? '约' : hits.data?.totalCapped ? '超过' : '',
              )}
            />
          </>
        ) : (
          <Table<DocumentListItem>
            rowKey="id"
            columns={columns}
            dataSource={(list.data ?? NO_DOCS).items}
            loading={list.loading}
            scroll={scrollWhenRows(list.data?.items.length ?? 0, 1200)}
            locale={{ emptyText: <EmptyText>{filtered ? '没有符合条件的文件' : '暂无文件'}</EmptyText> }}
            pagination={pagination((list.data ?? NO_DOCS).total)}
          />
        )}
      </Card>
    </>
  );
}
