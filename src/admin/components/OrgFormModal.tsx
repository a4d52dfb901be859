import { Form, Input, InputNumber, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { OrgKind } from '../../modules/orgs/domain/roles.ts';
import type { Org, OrgPatch } from '../api/orgs.ts';
import { ORG_KIND_OPTIONS } from '../lib/labels.ts';
import { disabledOrgTitle, type OrgNode, selfAndDescendants, toTreeOptions } from '../lib/orgTree.ts';
import { FormModal } from './FormModal.tsx';

interface OrgFormValues {
  name: string;
  kind: OrgKind;
  parentId?: number;
  code?: string;
  sortOrder: number;
  /** 0: the agency's own office; otherwise the designated office's id. */
  receivingOfficeId?: number;
}

const FIELD_NAMES = ['name', 'kind', 'parentId', 'code', 'sortOrder', 'receivingOfficeId'] as const;
const OWN_OFFICE = 0;

const CHILD_KIND: Record<OrgKind, OrgKind> = {
  government: 'department',
  county: 'town',
  department: 'department',
  town: 'town',
  institution: 'institution',
  enterprise: 'enterprise',
};

export type OrgDialog = { mode: 'create'; parent?: Org } | { mode: 'edit'; org: Org };
/**
 * The form's answer: every field of the patch (the parent is null only for the top-level org), and
 * 受理方式 only when editing.
 */
export type OrgFormInput = Required<Omit<OrgPatch, 'receivingOfficeId'>> &
  Pick<OrgPatch, 'receivingOfficeId'>;

interface Props {
  dialog: OrgDialog | undefined;
  orgs: Org[];
  tree: OrgNode[];
  onClose: () => void;
  onSubmit: (dialog: OrgDialog, input: OrgFormInput) => Promise<void>;
}

export function OrgFormModal({ dialog, orgs, tree, onClose, onSubmit }: Props) {
  const treeOptions = useMemo(
    () => toTreeOptions(tree, dialog?.mode === 'edit' ? selfAndDescendants(orgs, dialog.org.id) : undefined),
    [tree, orgs, dialog],
  );

  // Only an existing top-level org (the government itself) has no parent; the API creates children only.
  const isRoot = dialog?.mode === 'edit' && dialog.org.parentId === null;

  let initialValues: Partial<OrgFormValues> = { kind: 'government', sortOrder: 0 };
  if (dialog?.mode === 'edit') {
    const { name, kind, parentId, code, sortOrder, receivingOfficeId } = dialog.org;
    initialValues = {
      name,
      kind,
      parentId: parentId ?? undefined,
      code: code ?? undefined,
      sortOrder,
      receivingOfficeId: receivingOfficeId ?? OWN_OFFICE,
    };
  } else if (dialog?.parent) {
    initialValues = { kind: CHILD_KIND[dialog.parent.kind], parentId: dialog.parent.id, sortOrder: 0 };
  }

  return (
    <FormModal<OrgFormValues>
      open={dialog !== undefined}
      title={dialog?.mode === 'edit' ? `编辑机构：${dialog.org.name}` : '新增机构'}
      initialValues={initialValues}
      fieldNames={FIELD_NAMES}
      onCancel={onClose}
      onSubmit={(v) => {
        if (!dialog) return Promise.resolve();
        return onSubmit(dialog, {
          name: v.name.trim(),
          kind: v.kind,
          parentId: v.parentId ?? null,
          code: v.code?.trim() || null,
          sortOrder: v.sortOrder ?? 0,
          ...(dialog.mode === 'edit'
            ? { receivingOfficeId: v.receivingOfficeId ? v.receivingOfficeId : null }
            : {}),
        });
      }}
    >
      <Form.Item
        label="名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}
      >
        <Input maxLength={100} placeholder="如：某某县人民政府办公室" />
      </Form.Item>
      <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择机构类型' }]}>
        <Select options={ORG_KIND_OPTIONS} />
      </Form.Item>
      <Form.Item
        label="上级"
        name="parentId"
        extra={isRoot ? '本机构为顶级机构，没有上级。' : undefined}
        rules={[{ required: !isRoot, message: '请选择上级机构' }]}
      >
        <TreeSelect
          treeData={treeOptions}
          allowClear={isRoot}
          disabled={isRoot}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder={isRoot ? '无上级' : '请选择'}
        />
      </Form.Item>
      <Form.Item label="机构代码" name="code" extra="选填，如行政区划代码或统一社会信用代码。">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        label="排序"
        name="sortOrder"
        extra="数字越小越靠前。"
        rules={[{ required: true, message: '请输入排序号' }]}
      >
        <InputNumber min={0} max={99999} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {dialog?.mode === 'edit' && (
        <Form.Item
          label="受理方式"
          name="receivingOfficeId"
          extra="依申请公开申请由谁受理。本机关没有公开办账号时，申请由本级人民政府的公开办代为受理并收到提醒。"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: OWN_OFFICE, label: '本机关公开办受理' },
              // Only enabled offices are offered; a disabled one already designated still shows its name.
              ...orgs
                .filter(
                  (o) => o.id !== dialog.org.id && (!o.disabled || o.id === dialog.org.receivingOfficeId),
                )
                .map((o) => ({
                  value: o.id,
                  label: `由${o.disabled ? disabledOrgTitle(o.name) : o.name}代为受理`,
                  disabled: o.disabled,
                })),
            ]}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
