import { Alert, Button, Card, Divider, Flex, Form, Input, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { FullPageSpin } from '../../../admin/components/FullPageSpin.tsx';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useDocumentTitle } from '../../../admin/lib/useDocumentTitle.ts';
import {
  checkIcpRecord,
  checkPhone,
  checkPoliceRecord,
  checkRegionCode,
  checkSiteCode,
} from '../domain/identity.ts';
import { OFFICE_USERNAME_SUFFIX, USERNAME_PATTERN, USERNAME_RULE } from '../domain/setup.ts';
import { fetchSetupStatus, runSetup, type SetupBody, type SetupResult } from './api.ts';

const FIELDS = [
  'government',
  'regionCode',
  'office',
  'adminUsername',
  'adminName',
  'adminPassword',
  'officeUsername',
  'officeDisplayName',
  'officePassword',
  'siteName',
  'sponsor',
  'officePhone',
  'officeAddress',
  'officeHours',
  'siteCode',
  'icpRecord',
  'policeRecord',
] as const;

const PASSWORD_HELP = '至少10位，须同时包含字母和数字；不填则随机生成并显示一次，首次登录须修改';

/** An account made by the setup: its username, and its generated password once. */
function FirstAccount({ label, account }: { label: string; account: SetupResult['admin'] }) {
  return (
    <>
      <Typography.Paragraph>
        {label}用户名：<Typography.Text code>{account.username}</Typography.Text>
      </Typography.Paragraph>
      {account.password && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              {label}初始密码：
              <Typography.Text code copyable>
                {account.password}
              </Typography.Text>
            </>
          }
          description="密码仅此一次显示，请立即记下。首次登录后须修改密码。"
        />
      )}
    </>
  );
}

/** An antd rule from a pure check of `domain/identity.ts` (empty is fine: the fields are optional). */
const checked = (check: (v: string) => string | null) => ({
  validator: (_: unknown, v: string | undefined) => {
    const problem = v?.trim() ? check(v.trim()) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

/**
 * 初始设置: on an empty database (no organisation) `/admin` opens here instead of the login page. The
 * government, its disclosure office, the first administrator and the site identity in one form; a
 * generated password is shown once, then the administrator signs in and must change it.
 */
export function SetupPage() {
  useDocumentTitle('初始设置');
  const navigate = useNavigate();
  const [form] = Form.useForm<SetupBody>();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<SetupResult>();

  useEffect(() => {
    fetchSetupStatus().then(
      (s) => setNeeded(s.needed),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  if (needed === null && !error) return <FullPageSpin />;
  if (needed === false && !done) return <Navigate to="/login" replace />;

  async function onFinish(values: SetupBody) {
    setSubmitting(true);
    setError(undefined);
    try {
      setDone(await runSetup(values));
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, FIELDS);
      setError(unmatched.length ? unmatched.join('；') : errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 720 }}>
        <Card>
          {done ? (
            <Result
              status="success"
              title="初始设置已完成"
              subTitle={`${done.government.name}，政府信息公开工作机构：${done.office.name}`}
              extra={
                <Button type="primary" onClick={() => navigate('/login', { replace: true })}>
                  前往登录
                </Button>
              }
            >
              <FirstAccount label="管理员" account={done.admin} />
              <FirstAccount label="公开工作机构账号" account={done.officeUser} />
              <Typography.Paragraph type="secondary">
                公开工作机构账号即可受理群众的政府信息公开申请。导入各部门后，“机构管理”页会列出受理申请但尚无本单位人员的机关。
              </Typography.Paragraph>
            </Result>
          ) : (
            <>
              <Typography.Title level={1} style={{ fontSize: 24 }}>
                初始设置
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                系统中还没有任何机构。请填写本级人民政府、其政府信息公开工作机构、首个管理员账号和网站信息；以后可由管理员在“系统管理”中修改。
              </Typography.Paragraph>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
              <Form<SetupBody> form={form} name="setup" layout="vertical" onFinish={onFinish}>
                <Divider titlePlacement="start">政府和公开工作机构</Divider>
                <Form.Item
                  label="政府名称"
                  name="government"
                  rules={[{ required: true, whitespace: true, message: '请输入政府名称' }]}
                  extra="例如：梁山县人民政府"
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item label="行政区划代码" name="regionCode" rules={[checked(checkRegionCode)]}>
                  <Input maxLength={12} inputMode="numeric" />
                </Form.Item>
                <Form.Item
                  label="政府信息公开工作机构"
                  name="office"
                  rules={[{ required: true, whitespace: true, message: '请输入政府信息公开工作机构名称' }]}
                  extra="例如：梁山县人民政府办公室"
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Divider titlePlacement="start">首个管理员</Divider>
                <Form.Item
                  label="用户名"
                  name="adminUsername"
                  rules={[
                    { required: true, message: '请输入用户名' },
                    { pattern: USERNAME_PATTERN, message: USERNAME_RULE },
                  ]}
                >
                  <Input autoComplete="off" maxLength={40} />
                </Form.Item>
                <Form.Item label="姓名" name="adminName" extra="不填则为“系统管理员”">
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item label="密码" name="adminPassword" extra={PASSWORD_HELP}>
                  <Input.Password autoComplete="new-password" maxLength={200} />
                </Form.Item>
                <Divider titlePlacement="start">公开工作机构账号</Divider>
                <Typography.Paragraph type="secondary">
                  该账号属于政府信息公开工作机构，设置完成后即可受理群众的政府信息公开申请。
                </Typography.Paragraph>
                <Form.Item
                  label="用户名"
                  name="officeUsername"
                  rules={[{ pattern: USERNAME_PATTERN, message: USERNAME_RULE }]}
                  extra={`不填则为“管理员用户名${OFFICE_USERNAME_SUFFIX}”`}
                >
                  <Input autoComplete="off" maxLength={40} />
                </Form.Item>
                <Form.Item label="姓名" name="officeDisplayName" extra="不填则为“信息公开工作人员”">
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item label="密码" name="officePassword" extra={PASSWORD_HELP}>
                  <Input.Password autoComplete="new-password" maxLength={200} />
                </Form.Item>
                <Divider titlePlacement="start">网站信息</Divider>
                <Form.Item label="网站名称" name="siteName" extra="不填则为政府名称">
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item label="主办单位" name="sponsor" extra="不填则为政府名称">
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
                <Typography.Paragraph type="secondary">
                  网站图标可在设置完成、登录后于“站点信息”中上传。
                </Typography.Paragraph>
                <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
                  完成设置
                </Button>
              </Form>
            </>
          )}
        </Card>
      </main>
    </Flex>
  );
}
