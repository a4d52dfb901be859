import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { blobPath } from '../../../platform/files/storage.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { orgNames, userDisplayNames } from '../../orgs/index.ts';
import { kaseOf } from '../case-actor.ts';
import { caseFiles, caseReleasedDocuments } from '../case-files.ts';
import { releasedDocuments } from '../domain/case-files.ts';
import { can } from '../domain/policies.ts';
import { isEndedStage, isStage, STAGE_LABELS } from '../domain/stages.ts';
import { viewableCase } from '../letters/service.ts';
import * as letterStore from '../letters/store.ts';
import { listEvents } from '../store.ts';
import { buildCaseArchive } from './export.ts';

type Db = Kysely<Database>;

/**
 * The case file as a zip (archive/export.ts), for the disclosure office of the case's agency only, once the
 * case has ended. Someone who may not view the case gets NOT_FOUND, a viewer who is not that office
 * FORBIDDEN, an open case CASE_ACTION_NOT_ALLOWED (409). Audited as `request.export`.
 */
export async function exportCase(
  db: Db,
  dataDir: string,
  actor: Actor,
  id: number,
): Promise<{ fileName: string; data: Uint8Array }> {
  const { row, actor: a } = await viewableCase(db, actor, id);
  if (!can(a, 'export', kaseOf(row))) throw new AppError('FORBIDDEN');
  // A case file can be exported once handling has ended: replied, closed or archived.
  if (!isEndedStage(row.stage)) {
    throw new AppError('CASE_ACTION_NOT_ALLOWED', {
      stage: row.stage,
      stageLabel: isStage(row.stage) ? STAGE_LABELS[row.stage] : row.stage,
      action: 'export',
      actionLabel: '导出案卷（仅限已答复、已终止或已归档的申请）',
    });
  }
  const events = await listEvents(db, id);
  const letterRows = await letterStore.listLetters(db, id);
  const letters = await Promise.all(
    letterRows.map(async (l) => ({
      id: l.id,
      eventId: l.event_id,
      kind: l.kind,
      title: l.title,
      fileName: l.file_name,
      size: l.size,
      sha256: l.sha256,
      data: new Uint8Array(await readFile(blobPath(dataDir, l.sha256))),
    })),
  );
  // Every file the case names (the applicant's, the assistance answers', the released), and the released
  // library documents with their text.
  const files = await Promise.all(
    (await caseFiles(db, events)).map(async (f) => ({
      fileId: f.fileId,
      group: f.group,
      label: f.label,
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      eventId: f.eventId,
      data: new Uint8Array(await readFile(blobPath(dataDir, f.sha256))),
    })),
  );
  const eventOf = new Map(
    releasedDocuments(events.map((e) => ({ id: e.id, type: e.type, on: e.on_date, data: e.data }))).map(
      (d) => [d.documentId, d.eventId],
    ),
  );
  const documents = (await caseReleasedDocuments(db, events)).map((d) => ({
    documentId: d.documentId,
    title: d.title,
    docNumber: d.docNumber,
    orgName: d.document?.orgName ?? '',
    writtenDate: d.document?.writtenDate ?? d.on,
    bodyHtml: d.document?.bodyHtml ?? '<p>（该文件已从政府文件库中删除）</p>',
    eventId: eventOf.get(d.documentId) ?? 0,
  }));
  const userIds = new Set<number>();
  const orgIds = new Set<number>([row.org_id]);
  if (row.handler_id !== null) userIds.add(row.handler_id);
  if (row.unit_id !== null) orgIds.add(row.unit_id);
  for (const e of events) {
    if (e.actor_id !== null) userIds.add(e.actor_id);
    if (e.type === 'assign') {
      if (e.data.unitId) orgIds.add(Number(e.data.unitId));
      if (e.data.handlerId) userIds.add(Number(e.data.handlerId));
    }
  }
  const [userNames, names] = await Promise.all([userDisplayNames(db, userIds), orgNames(db, orgIds)]);
  const data = buildCaseArchive({
    row,
    agencyName: names.get(row.org_id) ?? '',
    events,
    letters,
    files,
    documents,
    userNames,
    orgNames: names,
    exportedAt: new Date(),
    exportedBy: actor.displayName,
  });
  await recordAudit(db, {
    actorId: actor.id,
    action: 'request.export',
    subjectType: 'request',
    subjectId: id,
    after: {
      caseNo: row.case_no,
      stage: row.stage,
      letters: letters.length,
      files: files.length,
      documents: documents.length,
      bytes: data.length,
    },
  });
  return { fileName: `案卷-${row.case_no ?? id}.zip`, data };
}
