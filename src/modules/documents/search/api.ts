/** /api/documents/search-synonyms: the office reviews the synonyms and abbreviations mined for search. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../platform/http/schemas.ts';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import * as s from './api.schemas.ts';
import { listSynonymCandidates, reviewSynonymCandidate } from './synonyms.ts';

export async function searchSynonymsApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents-search'];

  app.get(
    '/documents/search-synonyms',
    {
      schema: {
        tags,
        summary: '检索同义词、简称候选（从文件库挖掘，按状态）',
        querystring: s.synonymListQuery,
        response: { 200: s.synonymList },
      },
    },
    async (req) => listSynonymCandidates(db, requireActor(req), req.query),
  );

  app.post(
    '/documents/search-synonyms/:id/review',
    {
      schema: {
        tags,
        summary: '审核检索同义词、简称：采用或不采用',
        params: idParam,
        body: s.synonymReviewBody,
        response: { 200: s.synonymCandidate },
      },
    },
    async (req) => reviewSynonymCandidate(db, requireActor(req), req.params.id, req.body.decision),
  );
}
