/**
 * A comment on a consultation, as a citizen sends it on the portal or staff enter it (letter, e-mail,
 * phone). Pure: the checks and their Chinese messages. 713 Art. 15 asks the public to comment "by the
 * ways stated"; the content is what matters, the name is optional; a contact lets the office ask back.
 */
export const MAX_COMMENT_CHARS = 2000;
export const MAX_NAME_CHARS = 50;
export const MAX_CONTACT_CHARS = 100;

export const CHANNELS = ['portal', 'letter', 'email', 'phone', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: '网上提交',
  letter: '信件',
  email: '电子邮件',
  phone: '电话',
  import: '表格导入',
};

export const COMMENT_STATUSES = ['pending', 'published', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  pending: '待审核',
  published: '已公开',
  hidden: '不公开',
};

export type CommentInput = { name: string; contact: string; content: string; article: string };
export type CommentField = keyof CommentInput;
export type CommentError = { field: CommentField; message: string };
export type CleanComment = { name: string | null; contact: string; content: string; article: number | null };

/** Character count as a reader counts it (a Chinese character or an emoji is one). */
export const charCount = (s: string) => [...s].length;

export function checkComment(
  input: CommentInput,
  articleCount: number,
): { ok: true; value: CleanComment } | { ok: false; errors: CommentError[] } {
  const errors: CommentError[] = [];
  const name = input.name.trim();
  const contact = input.contact.trim();
  const content = input.content.replace(/\r\n?/g, '\n').trim();
  const articleText = input.article.trim();
  if (charCount(name) > MAX_NAME_CHARS)
    errors.push({ field: 'name', message: `姓名不能超过${MAX_NAME_CHARS}字` });
  if (contact === '')
    errors.push({
      field: 'contact',
      message: '请填写联系方式（电话或电子邮箱），以便我们就您的意见与您联系',
    });
  else if (charCount(contact) > MAX_CONTACT_CHARS)
    errors.push({ field: 'contact', message: `联系方式不能超过${MAX_CONTACT_CHARS}字` });
  if (content === '') errors.push({ field: 'content', message: '请填写意见内容' });
  else if (charCount(content) > MAX_COMMENT_CHARS)
    errors.push({
      field: 'content',
      message: `意见内容不能超过${MAX_COMMENT_CHARS}字（现为${charCount(content)}字），请精简后再提交`,
    });
  let article: number | null = null;
  if (articleText !== '') {
    const n = Number(articleText);
    if (!Number.isInteger(n) || n < 1 || n > articleCount)
      errors.push({ field: 'article', message: '所选条款不存在，请从列表中选择' });
    else article = n;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { name: name || null, contact, content, article } };
}
