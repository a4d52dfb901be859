import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './config.ts';
import { loadActor } from './modules/orgs/index.ts';
import { currentSites, loadSite, resolveSite } from './modules/site/index.ts';
import { MODULES } from './modules.ts';
import { databaseQueue, type ReplicaState, readFromPrimary } from './platform/db/client.ts';
import type { Database } from './platform/db/database.ts';
import { emitterFor } from './platform/events.ts';
import { filesApi } from './platform/files/api.ts';
import { type ErrorReplyOptions, errorReply, registerErrorHandler } from './platform/http/error-handler.ts';
import { AppError } from './platform/http/errors.ts';
import { DATABASE_QUEUE_LIMIT, registerLoadShedding } from './platform/http/load-shedding.ts';
import { normaliseInput } from './platform/http/normalize.ts';
import { registerPageCache, registerPublicChangeScope } from './platform/http/page-cache.ts';
import { setPublicAreaClassifier } from './platform/http/page-cache-versions.ts';
import { redirectResponse } from './platform/http/schemas.ts';
import { registerSessions, SESSION_COOKIE } from './platform/http/session.ts';
import { refuseUndeclaredUploads } from './platform/http/upload.ts';
import type { ModuleContext } from './platform/module.ts';
import { chinaToday } from './platform/time.ts';
import { isPersonalPath, pageAreas, publicAreasOfChange } from './portal/cache-areas.ts';
import {
  ELDERLY_COOKIE,
  html,
  isElderly,
  portalPlugin,
  prefixLinks,
  prefixLocation,
  renderHeadersTooLarge,
  renderNotFound,
  renderPage,
  renderServerError,
  runWithPortalSite,
  SITE_PREFIX,
  splitSitePrefix,
} from './portal/plugin.ts';

/** Where `rewriteUrl` leaves the site code of a `/s/{code}/…` request on the raw request. */
const SITE_CODE = Symbol('gongkai.siteCode');

z.config(z.locales.zhCN());

export const ADMIN_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/admin');

/** /healthz's list of the read replicas' states, present only when replicas are configured. */
const replicaStates = z.array(z.enum(['up', 'down'])).optional();

/** The OpenAPI document as `@fastify/swagger` builds it (passed through whole). */
const openApiDocument = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });

/** A JSON or form body (not a multipart upload) may be this large. */
const BODY_LIMIT_BYTES = 1024 * 1024;
/** Files in one multipart upload, and its other fields. */
const MAX_FILES_PER_UPLOAD = 10;
const MAX_FORM_FIELDS = 50;
/** Result pages (`page=N`) of a listing or search the page cache keeps: the first ones are the popular ones. */
const SEARCH_PAGES_CACHED = 5;

export type AppDeps = {
  config: Config;
  db: Kysely<Database>;
  /** The portal's reading handle (`DbHandle.readDb`: the read replicas); `db` when absent. */
  readDb?: Kysely<Database>;
  /** The read replicas' states for /healthz (`DbHandle.replicaHealth`); none when absent. */
  replicaHealth?: () => Promise<ReplicaState[]>;
  siteName?: string;
  logger?: boolean;
};

/**
 * The Content-Security-Policy of every response (portal, console, API). Scripts only from this origin
 * and never inline: the portal is server-rendered without JavaScript, and the console is a Vite build
 * whose only script is its bundle (`<script type="module" src=…>`). Styles may be inline: the console's
 * index.html has a `<style>` block and antd (CSS-in-JS) injects `<style>` elements at run time, and
 * portal print pages carry their own `<style>`; a nonce would have to reach antd's runtime injection on
 * every page load, for no gain against script injection, which is what the policy is for.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'same-origin',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};
/** Sent over https only (directly or behind a proxy saying so): browsers then refuse plain http. */
const HSTS = 'max-age=31536000';

/**
 * What the server answers a request it cannot even parse. Headers too large (nearly always too many
 * or too big cookies) get a Chinese page instead of Fastify's English JSON; the rest as Fastify does.
 */
function clientErrorHandler(siteName: string) {
  return (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, type, body] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'text/html; charset=utf-8', renderHeadersTooLarge(siteName)]
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ['408 Request Timeout', 'text/plain; charset=utf-8', '请求超时，请重试。']
          : ['400 Bad Request', 'text/plain; charset=utf-8', '请求格式不正确。'];
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${type}\r\n` +
          `Connection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(err);
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const readDb = deps.readDb ?? db;
  // From the data (the site identity, else the root government, else a neutral title), never from code.
  const siteName = deps.siteName ?? (await loadSite(db)).view.siteName;
  const errorOptions: ErrorReplyOptions = {
    uploadLimitBytes: config.uploadLimitBytes,
    maxFiles: MAX_FILES_PER_UPLOAD,
    bodyLimitBytes: BODY_LIMIT_BYTES,
    renderHtmlError: (req, status, message) =>
      status === 404
        ? renderNotFound(req, siteName)
        : status >= 500 && status !== 503
          ? renderServerError(siteName)
          : renderPage({
              title: status === 503 ? '暂时无法访问' : '请求未能完成',
              siteName,
              current: null,
              elderly: isElderly(req),
              body: html`<p class="lead">${message}</p><p><a href="/">返回首页</a></p>`,
            }),
  };
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    // Only the configured proxies' X-Forwarded-For is believed (GONGKAI_TRUST_PROXY); else the peer.
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler: clientErrorHandler(siteName),
    // The router's refusals (a malformed or overlong path) answered like every other error, with the
    // security headers (the onSend hooks do not run for a request no route took).
    frameworkErrors: (err, req, reply) => errorReply(errorOptions)(err, req, reply.headers(SECURITY_HEADERS)),
    // `/s/{行政区划代码}/…` names a government's site: routes see the path without it, and the site
    // resolution below (preHandler) reads the code the prefix gave.
    rewriteUrl: (raw) => {
      const url = raw.url ?? '/';
      const split = splitSitePrefix(url);
      if (!split) return url;
      (raw as { [SITE_CODE]?: string })[SITE_CODE] = split.code;
      return split.rest;
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // One input normalisation at the edge, before any schema (platform/http/normalize.ts).
  app.addHook('preValidation', async (req) => {
    req.body = normaliseInput(req.body);
    req.query = normaliseInput(req.query);
    req.params = normaliseInput(req.params);
  });
  refuseUndeclaredUploads(app);
  app.addHook('onSend', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });

  await app.register(fastifyCookie);
  // With read replicas, a signed-in user's requests read from the primary: a page they look at right
  // after saving shows what they saved, even before a replica has replayed it.
  if (readDb !== db)
    app.addHook('preHandler', (req, _reply, done) =>
      req.cookies[SESSION_COOKIE] ? readFromPrimary(done) : done(),
    );
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadLimitBytes, files: MAX_FILES_PER_UPLOAD, fields: MAX_FORM_FIELDS },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '公开 Gongkai API', description: '政务公开工作平台接口', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const sessions = registerSessions(app, {
    db,
    idleMinutes: config.sessionIdleMinutes,
    secureCookies: config.publicUrl.startsWith('https://'),
    loadActor: (id) => loadActor(db, id),
  });
  registerErrorHandler(app, errorOptions);

  // The public page cache (platform/http/page-cache.ts): after the session hook (a first visitor's CSRF
  // cookie issued) and before the site prefix is put into the HTML (so one stored page serves both).
  setPublicAreaClassifier(publicAreasOfChange);
  registerPublicChangeScope(app);
  if (config.pageCache) {
    registerPageCache(app, {
      ...config.pageCache,
      areasOf: pageAreas,
      bypass: isPersonalPath,
      variantCookies: [ELDERLY_COOKIE],
      today: chinaToday,
      maxPage: SEARCH_PAGES_CACHED,
    });
  }

  // Overload answered at once (503, Retry-After, a Chinese page) rather than queued behind the database.
  registerLoadShedding(app, { queue: () => databaseQueue(db), queueLimit: DATABASE_QUEUE_LIMIT });

  // Every page request runs with its government's site (by path prefix, host name, else the root
  // government's), which the portal's layout and the modules' pages read; a saved change is seen by the
  // next request. A prefix that names no site answers the portal's 404.
  app.addHook('preHandler', (req, reply, done) => {
    if (req.url.startsWith('/api/') || req.url === '/healthz') return done();
    const code = (req.raw as { [SITE_CODE]?: string })[SITE_CODE];
    currentSites(db).then((sites) => {
      const site = resolveSite(sites, { host: req.hostname, code });
      if (!site) {
        delete (req.raw as { [SITE_CODE]?: string })[SITE_CODE];
        reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(runWithPortalSite(sites.root.portal, () => renderNotFound(req, siteName)));
        return;
      }
      runWithPortalSite(site, done);
    }, done);
  });
  // A page served under a site's prefix keeps its links and redirects under it.
  app.addHook('onSend', async (req, reply, payload) => {
    const code = (req.raw as { [SITE_CODE]?: string })[SITE_CODE];
    if (code === undefined) return payload;
    const base = `${SITE_PREFIX}${code}`;
    const location = reply.getHeader('location');
    if (typeof location === 'string') reply.header('location', prefixLocation(location, base));
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('text/html')) return payload;
    if (typeof payload === 'string') return prefixLinks(payload, base);
    if (Buffer.isBuffer(payload)) return prefixLinks(payload.toString('utf8'), base);
    return payload;
  });

  const ctx: ModuleContext = { db, readDb, config, sessions, siteName, emit: emitterFor(MODULES) };

  app.get(
    '/healthz',
    {
      schema: {
        hide: true,
        response: {
          200: z.object({ ok: z.literal(true), database: z.literal('up'), replicas: replicaStates }),
          503: z.object({ ok: z.literal(false), database: z.literal('down'), replicas: replicaStates }),
        },
      },
    },
    // A supervisor or load balancer sees the database's state: 503 while it is down (the process stays up
    // and reconnects by itself). Read replicas are listed (configuration order) when there are any; one
    // down does not make the server unhealthy, since the primary serves its reads meanwhile.
    async (_req, reply) => {
      const replicas = deps.replicaHealth ? await deps.replicaHealth() : [];
      const listed = replicas.length > 0 ? { replicas } : {};
      try {
        await sql`select 1`.execute(db);
        return { ok: true as const, database: 'up' as const, ...listed };
      } catch {
        return reply.code(503).send({ ok: false as const, database: 'down' as const, ...listed });
      }
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true, response: { 200: openApiDocument } } }, async () =>
    app.swagger(),
  );

  await app.register(
    async (api) => {
      await filesApi(api, ctx);
      for (const m of MODULES) if (m.api) await m.api(api, ctx);
    },
    { prefix: '/api' },
  );

  await app.register(portalPlugin, { siteName, omitPages: MODULES.flatMap((m) => m.portalPages ?? []) });
  for (const m of MODULES) if (m.portal) await app.register(async (scope) => m.portal?.(scope, ctx));

  const adminBuilt = existsSync(path.join(ADMIN_DIST, 'index.html'));
  if (adminBuilt) {
    await app.register(fastifyStatic, {
      root: ADMIN_DIST,
      prefix: '/admin/',
      index: 'index.html',
      wildcard: true,
      // Hashed bundles are immutable; the page itself must always be revalidated.
      setHeaders: (reply, file) =>
        reply.header(
          'cache-control',
          file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        ),
    });
  }
  app.get('/admin', { schema: { hide: true, response: { 302: redirectResponse } } }, async (_req, reply) =>
    reply.redirect('/admin/'),
  );

  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/')) throw new AppError('NOT_FOUND');
    if (req.url.startsWith('/admin/') && !req.url.startsWith('/admin/assets/') && req.method === 'GET') {
      if (!adminBuilt) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('管理后台尚未构建：请运行 npm start（启动时会自动构建）或 npm run build:admin。');
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .sendFile('index.html', ADMIN_DIST);
    }
    return reply.code(404).type('text/html; charset=utf-8').send(renderNotFound(req, siteName));
  });

  return app;
}
