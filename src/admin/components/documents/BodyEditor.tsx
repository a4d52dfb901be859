import { Extension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Space } from 'antd';
import { useEffect } from 'react';
import { cleanPastedHtml } from '../../lib/pasteClean.ts';

interface BodyEditorProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-label'?: string;
}

/**
 * Alignment and first-line indent of paragraphs and headings (how imported documents are laid out):
 * kept when a body is opened, pasted or saved; the server's allow-list keeps the same two properties.
 */
const BlockLayout = Extension.create({
  name: 'blockLayout',
  addGlobalAttributes() {
    const css = (prop: 'textAlign' | 'textIndent', name: string) => ({
      default: null,
      parseHTML: (el: HTMLElement) => el.style[prop] || null,
      renderHTML: (attrs: Record<string, unknown>) =>
        attrs[prop] ? { style: `${name}: ${attrs[prop]}` } : {},
    });
    return [
      {
        types: ['paragraph', 'heading'],
        attributes: {
          textAlign: css('textAlign', 'text-align'),
          textIndent: css('textIndent', 'text-indent'),
        },
      },
    ];
  },
});

/** A body stored before the editor existed may be plain text: its lines become paragraphs. */
function toEditorHtml(value: string): string {
  if (/<[a-z][\s\S]*>/i.test(value)) return value;
  const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return value
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeText(line)}</p>`)
    .join('');
}

/**
 * The body of a document in a rich-text editor (Tiptap): headings, bold, lists, tables. Text pasted
 * from Word or WPS is cleaned of Office markup first; the editor keeps only what its schema knows and
 * the server sanitises the HTML again before storing it. An empty body is ''.
 */
export function BodyEditor(props: BodyEditorProps) {
  const { value = '', onChange } = props;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        code: false,
        link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] },
      }),
      TableKit.configure({ table: { resizable: false } }),
      BlockLayout,
    ],
    content: toEditorHtml(value),
    editorProps: {
      attributes: {
        class: 'gk-body-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': props['aria-label'] ?? '正文',
        ...(props.id ? { id: props.id } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });

  // A value set from outside (the form's initial values, a reset) replaces the content.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (value !== current) editor.commands.setContent(toEditorHtml(value), { emitUpdate: false });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e?.isActive('paragraph') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      bulletList: e?.isActive('bulletList') ?? false,
      orderedList: e?.isActive('orderedList') ?? false,
      inTable: e?.isActive('table') ?? false,
      canUndo: e?.can().undo() ?? false,
      canRedo: e?.can().redo() ?? false,
    }),
  });

  if (!editor || !state) return null;
  const chain = () => editor.chain().focus();
  const tool = (label: string, title: string, run: () => void, pressed?: boolean, disabled?: boolean) => (
    <Button
      key={label}
      size="small"
      autoInsertSpace={false}
      type={pressed ? 'primary' : 'default'}
      aria-pressed={pressed}
      title={title}
      disabled={disabled}
      // Keep the selection in the editor: the button must not take the focus on mouse down.
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </Button>
  );

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <style>{EDITOR_CSS}</style>
      <Space
        wrap
        size={4}
        role="toolbar"
        aria-label="正文格式"
        style={{ padding: 8, borderBottom: '1px solid #f0f0f0', width: '100%' }}
      >
        {tool('正文', '设为正文段落', () => chain().setParagraph().run(), state.paragraph)}
        {tool('标题', '设为标题', () => chain().toggleHeading({ level: 2 }).run(), state.h2)}
        {tool('小标题', '设为小标题', () => chain().toggleHeading({ level: 3 }).run(), state.h3)}
        <Divider type="vertical" />
        {tool('加粗', '加粗选中文字', () => chain().toggleBold().run(), state.bold)}
        {tool('倾斜', '倾斜选中文字', () => chain().toggleItalic().run(), state.italic)}
        {tool('下划线', '给选中文字加下划线', () => chain().toggleUnderline().run(), state.underline)}
        <Divider type="vertical" />
        {tool('项目列表', '项目符号列表', () => chain().toggleBulletList().run(), state.bulletList)}
        {tool('编号列表', '编号列表', () => chain().toggleOrderedList().run(), state.orderedList)}
        <Divider type="vertical" />
        {tool('插入表格', '插入3行3列的表格（首行为表头）', () =>
          chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        )}
        {state.inTable && (
          <>
            {tool('加一行', '在当前行下方加一行', () => chain().addRowAfter().run())}
            {tool('加一列', '在当前列右侧加一列', () => chain().addColumnAfter().run())}
            {tool('删除行', '删除当前行', () => chain().deleteRow().run())}
            {tool('删除列', '删除当前列', () => chain().deleteColumn().run())}
            {tool('删除表格', '删除整个表格', () => chain().deleteTable().run())}
          </>
        )}
        <Divider type="vertical" />
        {tool('撤销', '撤销', () => chain().undo().run(), undefined, !state.canUndo)}
        {tool('重做', '重做', () => chain().redo().run(), undefined, !state.canRedo)}
      </Space>
      <EditorContent editor={editor} />
    </div>
  );
}

const EDITOR_CSS = `
.gk-body-editor { min-height: 240px; max-height: 70vh; overflow: auto; padding: 8px 12px; line-height: 1.7; outline: none; }
.gk-body-editor:focus-visible { box-shadow: inset 0 0 0 2px #1677ff; }
.gk-body-editor table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.gk-body-editor th, .gk-body-editor td { border: 1px solid #bfbfbf; padding: 4px 8px; vertical-align: top; min-width: 3em; }
.gk-body-editor th { background: #fafafa; }
.gk-body-editor .selectedCell { background: #e6f4ff; }
.gk-body-editor p { margin: 0 0 0.5em; }
`;
