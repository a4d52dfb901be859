import type { RouteObject } from 'react-router';

/** The 工作台账 pages under /ledger. */
export const LEDGER_ROUTES: RouteObject[] = [];
