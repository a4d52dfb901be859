import { Button, Input, Space, Tabs } from 'antd';
import { useRef, useState } from 'react';

interface BodyEditorProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-label'?: string;
}

const TOOLS: { label: string; title: string; before: string; after: string }[] = [
  { label: '段落', title: '将选中文字设为段落', before: '<p>', after: '</p>' },
  { label: '标题', title: '将选中文字设为小标题', before: '<h3>', after: '</h3>' },
  { label: '加粗', title: '加粗选中文字', before: '<strong>', after: '</strong>' },
  { label: '列表项', title: '将选中文字设为列表项', before: '<ul><li>', after: '</li></ul>' },
];

/**
 * The body of a document: HTML typed in a text area, with a few buttons that wrap the selection in
 * tags, and a preview. The server sanitises the HTML; plain text (no tags) is kept as paragraphs.
 */
export function BodyEditor(props: BodyEditorProps) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const [tab, setTab] = useState('edit');
  const value = props.value ?? '';

  function wrap(before: string, after: string) {
    const el = ref.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + before + value.slice(start, end) + after + value.slice(end);
    props.onChange?.(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + before.length, end + before.length);
    });
  }

  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      size="small"
      items={[
        {
          key: 'edit',
          label: '编辑',
          children: (
            <>
              <Space wrap style={{ marginBottom: 8 }} role="toolbar" aria-label="正文格式">
                {TOOLS.map((t) => (
                  <Button key={t.label} size="small" title={t.title} onClick={() => wrap(t.before, t.after)}>
                    {t.label}
                  </Button>
                ))}
              </Space>
              <Input.TextArea
                id={props.id}
                aria-label={props['aria-label'] ?? '正文'}
                ref={(r) => {
                  ref.current = r?.resizableTextArea?.textArea ?? null;
                }}
                value={value}
                onChange={(e) => props.onChange?.(e.target.value)}
                autoSize={{ minRows: 10, maxRows: 30 }}
                placeholder="正文（可直接输入文字，或使用上方按钮添加段落、标题等格式）"
              />
            </>
          ),
        },
        {
          key: 'preview',
          label: '预览',
          children: (
            // A sandboxed frame: nothing in the typed HTML can run; the server sanitises it on saving.
            <iframe
              title="正文预览"
              sandbox=""
              srcDoc={`<!doctype html><meta charset="utf-8"><body style="font-family:sans-serif;line-height:1.7">${value}</body>`}
              style={{ width: '100%', minHeight: 320, border: '1px solid #d9d9d9', borderRadius: 6 }}
            />
          ),
        },
      ]}
    />
  );
}
