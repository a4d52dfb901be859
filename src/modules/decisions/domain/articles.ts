/**
 * The draft split into numbered articles, so that a comment may point at one (713 Art. 15 publishes the
 * draft; the portal shows it article by article). Pure.
 *
 * A line starting `第…条` opens an article (the usual form of a draft regulation or measure); a draft
 * without such lines is split into its paragraphs, numbered 1, 2, 3…. Chapter headings (`第…章`) stay
 * with the text before the next article as a heading.
 */
export type Article = { no: number; heading: string | null; text: string };

const ARTICLE = /^\s*第[一二三四五六七八九十百零〇\d]+条/;
const CHAPTER = /^\s*第[一二三四五六七八九十百零〇\d]+[章节]/;

export function splitArticles(draft: string): Article[] {
  const lines = draft
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const hasArticles = lines.some((l) => ARTICLE.test(l));
  const out: Article[] = [];
  if (!hasArticles) {
    for (const l of lines) out.push({ no: out.length + 1, heading: null, text: l });
    return out;
  }
  let heading: string | null = null;
  let current: Article | null = null;
  for (const l of lines) {
    if (CHAPTER.test(l) && !ARTICLE.test(l)) {
      heading = l;
      current = null;
    } else if (ARTICLE.test(l)) {
      current = { no: out.length + 1, heading, text: l };
      heading = null;
      out.push(current);
    } else if (current) {
      current.text += `\n${l}`;
    } else {
      // Text before the first article (a title, a preamble): an article of its own.
      current = { no: out.length + 1, heading, text: l };
      heading = null;
      out.push(current);
    }
  }
  return out;
}
