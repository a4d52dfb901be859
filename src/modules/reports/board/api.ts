import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { boardCounts } from '../domain/board.ts';
import * as s from './api.schemas.ts';
import { type Board, reportBoard } from './service.ts';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentBoard(b: Board) {
  return {
    year: b.year,
    today: b.today,
    government: b.government ? { id: b.government.id, name: b.government.name } : null,
    governments: b.governments.map((g) => ({ id: g.id, name: g.name })),
    counts: boardCounts(b.rows),
    rows: b.rows.map((r) => ({
      orgId: r.org.id,
      orgName: r.org.name,
      orgKind: r.org.kind,
      publisher: r.publisher,
      dueOn: r.dueOn,
      state: r.state,
      overdue: r.overdue,
      reportId: r.report?.id ?? null,
      submittedAt: iso(r.report?.submitted_at),
      publishedAt: iso(r.report?.published_at),
    })),
  };
}

/** 报送情况: a government's agencies and the state of their annual reports for a year. */
export async function boardApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/report-board',
    {
      schema: {
        tags: ['reports'],
        summary: '年度报告报送情况：本级政府及其部门、乡镇的报告状态、法定期限和逾期情况',
        querystring: s.boardQuery,
        response: { 200: s.boardResponse },
      },
    },
    async (req) =>
      presentBoard(
        await reportBoard(db, requireActor(req), { year: req.query.year, governmentId: req.query.orgId }),
      ),
  );
}
