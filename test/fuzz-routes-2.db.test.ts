/**
 * Issue 18, item 7: every route of /api/openapi.json (group 2 of 2, each on a fresh app) driven with
 * hostile values in each path parameter, query parameter and body field (test/helpers/fuzz.ts).
 */
import { fuzzShard } from './helpers/fuzz.ts';

fuzzShard(1, 2);
