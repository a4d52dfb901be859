import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatDateTime } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useDocumentTitle } from '../../../admin/lib/useDocumentTitle.ts';
import { checkIcpRecord, checkPhone, checkPoliceRecord, checkSiteCode } from '../domain/identity.ts';
import { fetchSites, type IdentityBody, type SiteView, saveSiteOf, uploadLogo } from './api.ts';

const FIELDS = [
  'siteName',
  'sponsor',
  'officePhone',
  'officeAddress',
  'officeHours',
  'siteCode',
  'icpRecord',
  'policeRecord',
  'logoFileId',
  'hosts',
] as const;

/** The form's values: the identity, with the host names as typed (one per line). */
type Values = Omit<IdentityBody, 'hosts'> & { hosts?: string };

const formValues = (s: SiteView): Values => ({ ...s, hosts: s.hosts.join('\n') });

const checked = (check: (v: string) => string | null) => ({
  validator: (_: unknown, v: string | null | undefined) => {
    const problem = v?.trim() ? check(v.trim()) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

/** The logo: uploaded at once (POST /api/files); the field holds its file id. */
function LogoField({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Space direction="vertical">
      <Space>
        <Upload
          accept="image/png,image/jpeg,image/gif"
          showUploadList={false}
          beforeUpload={(file) => {
            setUploading(true);
            setError(undefined);
            uploadLogo(file)
              .then((id) => onChange?.(id))
              .catch((e: unknown) => setError(errorMessage(e)))
              .finally(() => setUploading(false));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading}>
            {value ? '更换图标' : '上传图标'}
          </Button>
        </Upload>
        {value ? (
          <Button type="link" onClick={() => onChange?.(null)}>
            不用图标
          </Button>
        ) : null}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {value ? (
        <Typography.Text type="secondary">已选择图标（文件编号 {value}），保存后生效。</Typography.Text>
      ) : null}
    </Space>
  );
}

/**
 * 站点信息 (系统管理): the identity each government's portal site shows. An administrator edits its own
 * government's site and, at the city, those of the counties below it (a choice of site on top).
 */
export function SiteSettingsPage() {
  useDocumentTitle('站点信息');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [sites, setSites] = useState<SiteView[]>([]);
  const [orgId, setOrgId] = useState<number>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const site = sites.find((s) => s.orgId === orgId);

  useEffect(() => {
    fetchSites().then(
      ({ items }) => {
        setSites(items);
        const first = items[0];
        if (first) {
          setOrgId(first.orgId ?? undefined);
          form.setFieldsValue(formValues(first));
        }
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [form]);

  function choose(id: number) {
    const next = sites.find((s) => s.orgId === id);
    if (!next) return;
    setOrgId(id);
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(formValues(next));
  }

  async function onFinish(values: Values) {
    if (orgId === undefined) return;
    setSaving(true);
    setError(undefined);
    try {
      const hosts = (values.hosts ?? '').split(/[\s,，、;；]+/).filter((h) => h !== '');
      const saved = await saveSiteOf(orgId, { ...values, hosts, logoFileId: values.logoFileId ?? null });
      setSites((list) => list.map((s) => (s.orgId === saved.orgId ? saved : s)));
      form.setFieldsValue(formValues(saved));
      message.success('站点信息已保存，门户网站即时生效');
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, FIELDS);
      setError(unmatched.length ? unmatched.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageTitle title="站点信息" />
      <Card>
        {sites.length > 1 && (
          <Space style={{ marginBottom: 16 }}>
            <label htmlFor="site-choice">政府站点</label>
            <Select
              id="site-choice"
              style={{ minWidth: 260 }}
              value={orgId}
              onChange={choose}
              options={sites.map((s) => ({ value: s.orgId ?? 0, label: s.governmentName ?? s.siteName }))}
            />
          </Space>
        )}
        <Typography.Paragraph type="secondary">
          门户网站的名称、页脚的主办单位、网站标识码和备案号，以及公开指南中政府信息公开工作机构的联系方式，都取自这里。
          {site?.regionCode ? `本站点也可通过路径 /s/${site.regionCode}/ 访问。` : null}
          {site?.officeName ? `政府信息公开工作机构：${site.officeName}。` : null}
          {site?.updatedAt ? `最近修改：${formatDateTime(site.updatedAt)}。` : null}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} name="site" layout="vertical" onFinish={onFinish} style={{ maxWidth: 640 }}>
          <Form.Item
            label="网站名称"
            name="siteName"
            rules={[{ required: true, whitespace: true, message: '请输入网站名称' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="主办单位" name="sponsor">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="公开工作机构联系电话" name="officePhone" rules={[checked(checkPhone)]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item label="办公地址" name="officeAddress">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="办公时间" name="officeHours">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="网站标识码" name="siteCode" rules={[checked(checkSiteCode)]}>
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item label="ICP备案号" name="icpRecord" rules={[checked(checkIcpRecord)]}>
            <Input maxLength={40} placeholder="鲁ICP备12345678号-1" />
          </Form.Item>
          <Form.Item label="公安机关备案号" name="policeRecord" rules={[checked(checkPoliceRecord)]}>
            <Input maxLength={40} placeholder="鲁公网安备 37080202000123号" />
          </Form.Item>
          <Form.Item
            label="绑定域名"
            name="hosts"
            extra="每行一个，如 www.example.gov.cn（不含 http:// 和路径）；用这些域名访问时显示本站点"
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="网站图标" name="logoFileId" extra="PNG、JPG 或 GIF 图片，显示在门户网站页头">
            <LogoField />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}
