// 年度报告: the 报送情况 board (src/modules/reports/board/api.ts) and the drill-down of a figure
// (src/modules/reports/drill/api.ts).
import type { z } from 'zod';
import type * as b from '../../modules/reports/board/api.schemas.ts';
import type { DrillCell } from '../../modules/reports/domain/drill.ts';
import type * as d from '../../modules/reports/drill/api.schemas.ts';
import { api } from './client.ts';

export type ReportBoard = z.infer<typeof b.boardResponse>;
export type ReportBoardRow = z.infer<typeof b.boardRow>;
export type FigureRecords = z.infer<typeof d.recordsResponse>;
export type FigureRecord = z.infer<typeof d.recordItem>;

export function getReportBoard(year: number, orgId?: number): Promise<ReportBoard> {
  return api.get('/api/report-board', { year, orgId });
}

export function getFigureRecords(orgId: number, year: number, cell: DrillCell): Promise<FigureRecords> {
  return api.get('/api/report-records', { orgId, year, ...cell });
}
