import type { RouteObject } from 'react-router';

/** The 政府文件库 pages under /documents. */
export const DOCUMENT_ROUTES: RouteObject[] = [];
