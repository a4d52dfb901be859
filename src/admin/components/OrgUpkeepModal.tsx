import { Form, Input, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { mergeOrg, moveOrg, renameOrg } from '../api/orgRegister.ts';
import type { Org } from '../api/orgs.ts';
import { type OrgNode, selfAndDescendants, toTreeOptions } from '../lib/orgTree.ts';
import { FormModal } from './FormModal.tsx';

/** 重命名, 移动 or 合并 one organisation. */
export type OrgUpkeep = { mode: 'rename' | 'move' | 'merge'; org: Org };

interface Values {
  name?: string;
  parentId?: number;
  targetId?: number;
}

const TITLES: Record<OrgUpkeep['mode'], string> = { rename: '重命名', move: '移动', merge: '合并到其他机构' };

interface Props {
  action: OrgUpkeep | undefined;
  orgs: Org[];
  tree: OrgNode[];
  onClose: () => void;
  /** After the change was saved, with a message for the page. */
  onDone: (message: string) => void;
}

export function OrgUpkeepModal({ action, orgs, tree, onClose, onDone }: Props) {
  // Neither a move nor a merge may go into the organisation's own subtree.
  const options = useMemo(
    () => toTreeOptions(tree, action ? selfAndDescendants(orgs, action.org.id) : undefined),
    [tree, orgs, action],
  );
  async function submit(v: Values) {
    if (!action) return;
    const { org } = action;
    if (action.mode === 'rename') {
      await renameOrg(org.id, { name: v.name?.trim() ?? '' });
      onDone(`已将“${org.name}”改名为“${v.name?.trim()}”，原名称已保留为简称`);
    } else if (action.mode === 'move') {
      await moveOrg(org.id, { parentId: v.parentId ?? 0 });
      onDone(`已移动“${org.name}”`);
    } else {
      const r = await mergeOrg(org.id, v.targetId ?? 0);
      onDone(`已将“${org.name}”合并到“${r.target.name}”`);
    }
  }
  return (
    <FormModal<Values>
      open={action !== undefined}
      title={action ? `${TITLES[action.mode]}：${action.org.name}` : ''}
      initialValues={action?.mode === 'rename' ? { name: action.org.name } : {}}
      fieldNames={['name', 'parentId', 'targetId']}
      onCancel={onClose}
      onSubmit={submit}
    >
      {action?.mode === 'rename' && (
        <Form.Item
          label="新名称"
          name="name"
          extra="原名称会保留为该机构的简称，导入表格中仍写原名称时也能对上。"
          rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      )}
      {action?.mode === 'move' && (
        <Form.Item
          label="新的上级机构"
          name="parentId"
          rules={[{ required: true, message: '请选择新的上级机构' }]}
        >
          <TreeSelect treeData={options} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
      )}
      {action?.mode === 'merge' && (
        <Form.Item
          label="合并到"
          name="targetId"
          extra="本机构的用户、下级机构、申请、文件等全部记录将转到所选机构，本机构随后删除，其名称保留为所选机构的简称。此操作不能撤销。"
          rules={[{ required: true, message: '请选择合并到的机构' }]}
        >
          <TreeSelect treeData={options} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
      )}
    </FormModal>
  );
}
