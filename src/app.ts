/**
 * Builds the HTTP application from its parts. No I/O happens here beyond what the parts were
 * given, so tests build the same app around a throwaway database and call `app.request()`.
 */
import { Hono } from 'hono';
import { spanishOnArrival } from './platform/http/language-redirect.js';
import {
  homeZone,
  createDirectoryService,
  type DirectoryService,
  directoryApi,
  directoryContract,
  directoryPages,
} from './directory/index.js';
import { dateInZone } from './platform/i18n/format.js';
import {
  searchSlots,
  isRefusalCode,
  type Scheduling,
  appointmentApi,
  schedulingContract,
  bookingPages,
  managePages,
  waitlistApi,
  waitlistPages,
} from './scheduling/index.js';
import { RateLimiter, rateLimited, TooManyRequests } from './platform/http/rate-limit.js';
import { isDatabaseUnavailable, isOverloaded } from './platform/db/postgres.js';
import { Gate, ServiceBusy } from './platform/db/gate.js';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import type { Logger } from './platform/logging/logger.js';
import type { AppEnv } from './platform/http/app-env.js';
import { HttpProblem, NotFound, problemResponse, Refused } from './platform/http/problem.js';
import { fhirApi } from './fhir/index.js';
import { readMigrations } from './platform/db/migrate.js';
import { bodyLimit } from 'hono/body-limit';
import { createMetrics } from './platform/http/metrics.js';
import { appGauges } from './app-metrics.js';
import { securityHeaders } from './platform/http/security.js';
import { redactedError, requestLog } from './platform/http/request-log.js';
import { trimTokenPunctuation } from './platform/http/token-links.js';
import { loadAssets } from './platform/http/assets.js';
import type { Site } from './platform/views/render.js';
import { loadGuides, type GuideLibrary, guidePages } from './content/index.js';
import { apiReference, homePage, notFoundPage, requestErrorPage, serverErrorPage } from './site/index.js';
import { buildOpenApiDocument } from './platform/http/openapi.js';
import type { Scheduler } from './platform/jobs/scheduler.js';
import {
  loadPathways,
  type Triage,
  assessmentApi,
  triageContract,
  resultPages,
  selfCheckPages,
  currentDisposition,
  findAssessment,
  pathwayOf,
  readAssessment,
  readAssessmentByToken,
} from './triage/index.js';
import { smsApi } from './notifications/index.js';
import { staffPages } from './staff/index.js';
import { secretBox } from './platform/secret-box.js';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  scheduler: Scheduler;
  /** Resolved application secret (config or generated; see resolveSecret). */
  secret: string;
  guides?: GuideLibrary;
  /** Asks the outbox worker to deliver now; without one, the minute sweep delivers. */
  kickOutbox?: () => void;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Whether this instance's job workers are registered and running (for /readyz). */
  jobsRunning?: () => boolean;
}

export interface App {
  app: Hono<AppEnv>;
  directory: DirectoryService;
  triage: Triage;
  scheduling: Scheduling;
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** Request bodies larger than this are refused with 413 (see the body limit in createApp). */
export const MAX_BODY_BYTES = 64 * 1024;

export function createApp({
  config,
  db,
  logger,
  scheduler,
  secret,
  kickOutbox,
  guides = loadGuides(),
  now = () => new Date(),
  jobsRunning,
}: AppDeps): App {
  const app = new Hono<AppEnv>({ strict: false });
  const directory = createDirectoryService(db);
  const triage: Triage = {
    db,
    scheduler,
    pathways: loadPathways(),
    settings: {
      startBack: config.startBack,
      checkInDelayHours: config.checkInDelayHours,
      assessmentRetentionDays: config.assessmentRetentionDays,
    },
    now,
  };
  const scheduling: Scheduling = {
    db,
    directory,
    box: secretBox(secret, config.previousSecret),
    publicUrl: config.publicUrl,
    now,
    waitlistOfferMinutes: config.waitlistOfferMinutes,
    reminderHours: config.reminderHours,
    mailFrom: config.mailFrom,
    smsAvailable: Boolean(config.sms),
    kickOutbox: kickOutbox ?? (() => undefined),
    // Bookings may hold all but three pooled connections: health, slot search and pages keep those.
    bookingGate: new Gate(
      config.database.kind === 'postgres' ? Math.max(1, (config.database.poolSize ?? 10) - 3) : 4,
    ),
    async verifyIntake(assessmentId, token, actor) {
      const found = await readAssessment(triage, assessmentId, token, actor);
      return found ? { disposition: currentDisposition(found.assessment, found.checkIns) } : undefined;
    },
  };
  const assets = loadAssets();
  const site: Site = {
    assets: assets.urls,
    frame: async () => {
      const d = await directory.get();
      return { network: d.network, locations: d.locations };
    },
  };

  app.use(requestLog(logger));
  // No request needs more than a few kilobytes (the largest is a self-check's answers): a bigger
  // body is refused before it is read or parsed, on every route, signed in or not.
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        isApi(c.req.path)
          ? problemResponse(
              new HttpProblem(
                413,
                'Content Too Large',
                `A request body may be at most ${MAX_BODY_BYTES / 1024} KB.`,
              ),
              c.req.path,
            )
          : requestErrorPage(c, site, 413),
    }),
  );
  // Prometheus metrics (GET /metrics with METRICS_TOKEN): requests by route, the pool, the outbox.
  const metrics = createMetrics(db);
  app.use(metrics.middleware);
  appGauges(metrics, db, now);
  app.get('/metrics', metrics.handler(config.metricsToken));
  app.use(securityHeaders({ hsts: config.publicUrl.startsWith('https://') }));
  // A browser that asks for Spanish lands on Spanish pages on its first visit.
  app.use(spanishOnArrival);
  // A private link pasted with the punctuation after it still opens.
  app.use(trimTokenPunctuation);

  // Booking attempts per address per minute (BOOKING_RATE_LIMIT; 0 = off), before the routes.
  const bookingLimit = rateLimited(new RateLimiter(config.bookingRateLimit), now);
  // The details step too: it answers whether someone we know already has a visit.
  for (const path of [
    '/api/v1/appointments',
    '/book/details',
    '/es/book/details',
    '/book/confirm',
    '/es/book/confirm',
    '/fhir/Appointment/$book',
  ])
    app.post(path, bookingLimit);

  app.get('/healthz', async (c) => {
    try {
      await db.ping();
      return c.json({ status: 'ok', database: db.kind });
    } catch {
      return c.json({ status: 'unavailable', database: db.kind }, 503);
    }
  });
  // Ready for traffic: the database answers, its migrations are this code's, and (where this
  // instance runs jobs) the workers are up. /healthz stays the cheap "alive" probe.
  const expectedMigrations = readMigrations().map((m) => `${m.version}:${m.checksum}`);
  app.get('/readyz', async (c) => {
    const checks: Record<string, string> = {};
    try {
      await db.ping();
      checks.database = 'ok';
      const rows = await db.query<{ version: number; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations ORDER BY version',
      );
      const applied = new Set(rows.map((r) => `${r.version}:${r.checksum}`));
      checks.migrations = expectedMigrations.every((m) => applied.has(m)) ? 'current' : 'pending';
    } catch {
      checks.database = 'unavailable';
    }
    checks.jobs = !config.jobs ? 'off' : jobsRunning?.() ? 'running' : 'not running';
    const ready =
      checks.database === 'ok' && checks.migrations === 'current' && checks.jobs !== 'not running';
    return c.json({ status: ready ? 'ready' : 'not ready', ...checks }, ready ? 200 : 503);
  });
  app.route('/', assets.routes);

  // FHIR R4: the network's availability, public (decision 16); patients' visits with a SMART
  // Backend Services token (decision 17).
  app.route(
    '/fhir',
    fhirApi({
      db,
      scheduling,
      directory,
      publicUrl: config.publicUrl,
      now,
      pathways: () => triage.pathways.all(),
      async readIntake(id) {
        const assessment = await findAssessment(db, id, now());
        return assessment && { pathway: pathwayOf(triage, assessment), assessment };
      },
    }),
  );

  const api = new Hono<AppEnv>();
  api.route('/', directoryApi(directory));
  api.route('/', assessmentApi(triage, config.publicUrl));
  api.route('/', appointmentApi(scheduling));
  api.route('/', waitlistApi(scheduling));
  api.route('/', smsApi(db, config.sms?.token));
  app.route('/api/v1', api);
  // The API's published contract, generated from the routes' own schemas (decision 19).
  app.route(
    '/',
    apiReference(
      buildOpenApiDocument([directoryContract, triageContract, schedulingContract], config.publicUrl),
      site,
    ),
  );
  // Staff pages (and the administrators' audit API) come before the API catch-all.
  app.route(
    '/',
    staffPages({
      db,
      scheduling,
      triage,
      site,
      secureCookies: config.publicUrl.startsWith('https://'),
      requireMfa: config.requireMfa,
      publicUrl: config.publicUrl,
      devMailViewer: config.env === 'development' && !config.smtpUrl,
      session: {
        idleMs: config.staffSession.idleMinutes * 60_000,
        maxMs: config.staffSession.maxHours * 3_600_000,
      },
    }) as unknown as Hono<AppEnv>,
  );
  app.all('/api/*', () => {
    throw new NotFound('There is no API endpoint at this path.');
  });

  // Every page exists in English at / and in Spanish under /es/.
  for (const prefix of ['/es', '/']) {
    app.route(prefix, homePage(directory, guides, site));
    app.route(prefix, directoryPages(directory, site, now));
    app.route(prefix, guidePages(guides, site));
    app.route(
      prefix,
      bookingPages({
        scheduling,
        site,
        intakeFromToken: async (token, actor) => {
          const found = await readAssessmentByToken(triage, token, actor);
          return found
            ? {
                assessmentId: found.assessment.id,
                token,
                disposition: currentDisposition(found.assessment, found.checkIns),
              }
            : undefined;
        },
      }),
    );
    app.route(prefix, managePages(scheduling, site));
    app.route(prefix, waitlistPages(scheduling, site));
    const selfCheckSettings = {
      draftTtlMinutes: config.draftTtlMinutes,
      publicUrl: config.publicUrl,
      secureCookies: config.publicUrl.startsWith('https://'),
      retentionDays: config.assessmentRetentionDays,
      networkName: async () => (await directory.get()).network.name,
      // Same-day visits still free across the network today, for an urgent result's advice.
      freeTimesToday: async () => {
        const d = await directory.get();
        const sameDay = d.network.selfCheckVisitTypes.sameDay;
        if (!sameDay) return 0;
        const today = dateInZone(now().getTime(), homeZone(d));
        return (await searchSlots(scheduling, { visitType: sameDay, from: today, to: today })).length;
      },
    };
    app.route(prefix, selfCheckPages(triage, site, selfCheckSettings));
    app.route(prefix, resultPages(triage, directory, site, selfCheckSettings));
  }

  app.notFound((c) => {
    if (isApi(c.req.path))
      return problemResponse(new NotFound('There is no API endpoint at this path.'), c.req.path);
    return notFoundPage(c, site);
  });

  app.onError((error, c) => {
    const requestId = c.get('requestId') ?? 'unknown';
    // Overload is an answer, not a fault: 503 with Retry-After (the gate, or no pooled connection).
    const busy =
      error instanceof ServiceBusy
        ? error
        : isOverloaded(error)
          ? new ServiceBusy()
          : isDatabaseUnavailable(error)
            ? new ServiceBusy(5, 'unavailable')
            : undefined;
    if (busy) {
      (c.get('log') ?? logger).warn(
        { path: c.req.routePath, code: busy.extra.code },
        `${String(busy.extra.code)}: answered 503`,
      );
      c.header('Retry-After', String(busy.retryAfterSeconds));
      if (isApi(c.req.path))
        return problemResponse(busy, c.req.path, { 'Retry-After': String(busy.retryAfterSeconds) });
      return serverErrorPage(c, site, requestId, 503);
    }
    if (error instanceof TooManyRequests) {
      const retryAfter = String(error.retryAfterSeconds);
      c.header('Retry-After', retryAfter);
      if (isApi(c.req.path)) return problemResponse(error, c.req.path, { 'Retry-After': retryAfter });
      return requestErrorPage(c, site, 429);
    }
    if (error instanceof HttpProblem) {
      if (isApi(c.req.path)) return problemResponse(error, c.req.path);
      if (error.status === 404) return notFoundPage(c, site);
      // A scheduling refusal says why, in the page's language; other refusals get the general text.
      if (error instanceof Refused && isRefusalCode(error.code))
        return requestErrorPage(c, site, error.status as 409 | 410, {
          title: 'refusal.title',
          body: `refusal.${error.code}`,
        });
      if ([400, 409, 410, 422].includes(error.status))
        return requestErrorPage(c, site, error.status as 400 | 409 | 410 | 422);
    }
    // A database or library message may quote a token from the request: never into the log.
    (c.get('log') ?? logger).error({ err: redactedError(error) }, 'unhandled error');
    if (isApi(c.req.path)) {
      return problemResponse(
        new HttpProblem(
          500,
          'Internal Server Error',
          `Something went wrong on our side. Reference: ${requestId}.`,
        ),
        c.req.path,
      );
    }
    return serverErrorPage(c, site, requestId);
  });

  return { app, directory, triage, scheduling };
}
