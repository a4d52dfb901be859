import { Card, Descriptions } from 'antd';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { CalendarStatusBanner } from '../components/CalendarStatusBanner.tsx';
import { StaleColumnsCard } from '../components/documents/StaleColumnsCard.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { roleLabel } from '../lib/labels.ts';

export function HomePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title="工作台" />
      {(user.role === 'admin' || user.role === 'office') && (
        <CalendarStatusBanner onEnterYear={() => navigate('/system/calendar', { state: { notice: true } })} />
      )}
      <Card title={`您好，${user.displayName}`}>
        <Descriptions
          column={1}
          bordered
          size="medium"
          items={[
            { key: 'displayName', label: '姓名', children: user.displayName },
            { key: 'username', label: '用户名', children: user.username },
            { key: 'org', label: '所属机构', children: user.orgName },
            { key: 'role', label: '角色', children: roleLabel(user.role) },
          ]}
        />
      </Card>
      {(user.role === 'office' || user.role === 'admin') && <StaleColumnsCard />}
    </>
  );
}
