/**
 * Leaks the authorisation matrix (`authz-matrix.db.test.ts`) finds and that are not fixed yet: problem
 * → the principals it shows for. The matrix fails on a leak not listed here and on a listed one no
 * longer found, so this list only shrinks. What is left:
 * - the decisions module (left to its owner this round): decision items and events with their participants
 *   read by id without the subtree check, and the decision settings changed by any `admin` or `office`
 *   instead of within the subtree they administer;
 * - the search synonyms (documents/search, left to its owner this round): platform-wide like the themes,
 *   yet reviewed by any `admin` or `office` (documents' `search_synonyms` grant has no scope).
 */
export const KNOWN_OPEN: Record<string, string[]> = {
  'GET /api/decisions/consultations/{id}: readable': ['B 管理员', 'C 县管理员'],
  'GET /api/decisions/events/{id}: shows private texts of A': ['B 管理员', 'C 县管理员'],
  'GET /api/decisions/events/{id}: readable': ['B 管理员', 'C 县管理员'],
  'GET /api/decisions/items/{id}: readable': ['B 管理员', 'C 县管理员'],
  'table decision_settings changed': ['B 公开办', 'B 管理员', 'C 县管理员'],
};
