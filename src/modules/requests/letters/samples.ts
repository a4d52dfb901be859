/**
 * Fixtures for the letters' tests (pure and database): event data that makes each kind of letter, and the
 * text of a .docx. Not used by the application.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { LetterFacts, LetterKind } from './templates.ts';

/** The text of word/document.xml of a .docx (throws if there is none). */
export function documentXml(docx: Uint8Array): string {
  const xml = unzipSync(docx)['word/document.xml'];
  if (!xml) throw new Error('not a .docx: no word/document.xml');
  return strFromU8(xml);
}

/** Event data that makes each kind's letter (as service.act stores it). */
export function sampleData(kind: LetterKind): Record<string, unknown> {
  if (kind.startsWith('reply-')) {
    const outcome = kind.slice('reply-'.length);
    const ground =
      outcome === 'WITHHOLD' || outcome === 'PARTIAL' ? { groundCode: 'THIRD_PARTY_RIGHTS' } : {};
    return { outcome, ...ground, text: '答复的具体内容。' };
  }
  switch (kind) {
    case 'correction':
      return { items: '请写明所需批复的项目名称', deadlineDate: '2024-03-01' };
    case 'extension':
      return { reason: '需要向多个单位调取材料' };
    case 'fee':
      return {
        method: 'per-page',
        quantity: 120,
        amount: 1100,
        bands: [
          { from: 1, to: 30, count: 30, unitPrice: 0, amount: 0 },
          { from: 31, to: 100, count: 70, unitPrice: 10, amount: 700 },
          { from: 101, to: 120, count: 20, unitPrice: 20, amount: 400 },
        ],
      };
    case 'consultation':
      return { consultationId: 'c1', party: 'third-party', name: '某建设有限公司' };
    case 'transfer':
      return {
        fromOrgId: 1,
        fromOrgName: '市政府办公室',
        toOrgId: 2,
        toOrgName: '市教育局',
        reason: '属于教育部门职责',
      };
    default:
      return { consultationId: 'c2', party: 'agency', name: '市财政局' };
  }
}

export const sampleFacts = (kind: LetterKind): LetterFacts => ({
  caseNo: '2024-000123',
  agencyName: '济宁市人民政府',
  applicantName: '张三丰',
  subject: '2023年城区学校新建项目批复',
  submittedOn: '2024-03-04',
  receivedOn: '2024-03-05',
  on: '2024-03-20',
  data: sampleData(kind),
  replyDue: '2024-04-30',
});
