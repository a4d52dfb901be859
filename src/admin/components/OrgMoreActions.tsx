import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { errorMessage } from '../api/client.ts';
import { deleteOrg, type OrgRegisterView, orgReferences, setOrgDisabled } from '../api/orgRegister.ts';
import type { Org } from '../api/orgs.ts';
import type { OrgUpkeep } from './OrgUpkeepModal.tsx';

/** Whether an organisation is disabled (the orgs list carries the register's `disabled`). */
export function isOrgDisabled(org: Org): boolean {
  return (org as Org & Partial<Pick<OrgRegisterView, 'disabled'>>).disabled === true;
}

interface Props {
  org: Org;
  onUpkeep: (a: OrgUpkeep) => void;
  /** After a change made here (disable, enable, delete). */
  onChanged: () => void;
}

/** 更多: 重命名、移动、停用/启用、合并、删除 of one organisation. */
export function OrgMoreActions({ org, onUpkeep, onChanged }: Props) {
  const { message, modal } = App.useApp();
  const disabled = isOrgDisabled(org);

  function toggle() {
    modal.confirm({
      title: disabled ? `启用“${org.name}”？` : `停用“${org.name}”？`,
      content: disabled
        ? '启用后该机构重新出现在选择列表和门户的受理机关中。'
        : '停用后该机构不再出现在选择列表和门户的受理机关中，已有的用户和记录保留。',
      okText: disabled ? '启用' : '停用',
      onOk: async () => {
        try {
          await setOrgDisabled(org.id, !disabled);
          message.success(disabled ? `已启用“${org.name}”` : `已停用“${org.name}”`);
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  }

  async function remove() {
    let uses: Awaited<ReturnType<typeof orgReferences>>;
    try {
      uses = (await orgReferences(org.id)).filter((u) => u.label !== '机构简称');
    } catch (e) {
      message.error(errorMessage(e));
      return;
    }
    if (uses.length > 0) {
      modal.warning({
        title: `“${org.name}”仍被使用，不能删除`,
        content: (
          <>
            <p>以下记录引用了该机构：</p>
            <ul>
              {uses.map((u) => (
                <li key={u.label}>
                  {u.label}：{u.count}条
                </li>
              ))}
            </ul>
            <p>可以改为停用，或把它合并到其他机构。</p>
          </>
        ),
      });
      return;
    }
    modal.confirm({
      title: `删除“${org.name}”？`,
      content: '没有任何记录引用该机构，删除后不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await deleteOrg(org.id);
          message.success(`已删除“${org.name}”`);
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  }

  return (
    <Dropdown
      menu={{
        items: [
          { key: 'rename', label: '重命名' },
          { key: 'move', label: '移动', disabled: org.parentId === null },
          { key: 'toggle', label: disabled ? '启用' : '停用', disabled: org.parentId === null },
          { key: 'merge', label: '合并到…', disabled: org.parentId === null },
          { key: 'delete', label: '删除', danger: true, disabled: org.parentId === null },
        ],
        onClick: ({ key }) => {
          if (key === 'rename' || key === 'move' || key === 'merge') onUpkeep({ mode: key, org });
          else if (key === 'toggle') toggle();
          else void remove();
        },
      }}
    >
      <Button type="link">
        更多 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
