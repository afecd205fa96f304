/**
 * Staff pages under /staff: sign-in, the day's schedule (front desk and providers), check-in and
 * no-show, the provider's intake view, and for administrators the audit trail and the outbox.
 * Every denial looks like "not found"; every read of health data is audited.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { listAuditEvents, recordAudit } from '../audit/audit.js';
import type { Database } from '../platform/db/database.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { clientAddress } from '../platform/http/client.js';
import { clearCookie, readCookie, setPrivateCookie } from '../platform/http/cookies.js';
import { NotFound } from '../platform/http/problem.js';
import { dateInZone, dayInZone, isRealDate, timeInZone } from '../platform/i18n/format.js';
import { translator } from '../platform/i18n/i18n.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import type { Site } from '../platform/views/render.js';
import {
  changeStatus,
  findAppointment,
  listAppointments,
  searchAppointments,
  type StoredAppointment,
} from '../scheduling/scheduling-store.js';
import type { Scheduling } from '../scheduling/booking-service.js';
import { findAssessment, listCheckIns } from '../triage/assessment-store.js';
import type { Triage } from '../triage/assessment-service.js';
import {
  confirmEnrolment,
  IDLE_TIMEOUT_MS,
  loadSession,
  SESSION_COOKIE,
  signIn,
  signOut,
  startEnrolment,
  verifySecondFactor,
  type StaffSession,
} from './auth.js';
import QRCode from 'qrcode';
import { raw } from 'hono/html';
import { buildIntake } from './intake.js';
import { ScheduleTable, StaffLayout } from './staff-views.js';

type StaffEnv = AppEnv & { Variables: AppEnv['Variables'] & { staff: StaffSession } };

const t = translator('en');
const ZONE = 'America/Phoenix';

export interface StaffDeps {
  db: Database;
  scheduling: Scheduling;
  triage: Triage;
  site: Site;
  secureCookies: boolean;
  requireMfa: boolean;
}

export function staffPages({
  db,
  scheduling,
  triage,
  site,
  secureCookies,
  requireMfa,
}: StaffDeps): Hono<StaffEnv> {
  const pages = new Hono<StaffEnv>();
  const now = () => scheduling.now();
  const page = (
    c: Context,
    title: string,
    body: unknown,
    status: 200 | 401 | 404 | 422 | 429 = 200,
    session?: StaffSession,
  ) =>
    c.html(
      <StaffLayout t={t} title={title} assets={site.assets} user={session?.user} csrf={session?.csrf}>
        {body as never}
      </StaffLayout>,
      status,
    );

  // ---------------------------------------------------------------- sign in and out

  const loginForm = (c: Context, error?: string, status: 200 | 401 | 429 = 200, email = '') =>
    page(
      c,
      t('staff.login.title'),
      <div class="narrow">
        {error ? (
          <div class="error-summary" role="alert" tabindex={-1} data-autofocus>
            <h2>{t('sc.errorSummary')}</h2>
            <ul>
              <li>
                <a href="#email">{error}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <h1>{t('staff.login.title')}</h1>
        <form method="post" action="/staff/login" novalidate>
          <div class="form-group">
            <label class="label" for="email">
              {t('staff.login.email')}
            </label>
            <input
              class="input width-20"
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              value={email}
              spellcheck={false}
            />
          </div>
          <div class="form-group">
            <label class="label" for="password">
              {t('staff.login.password')}
            </label>
            <input
              class="input width-20"
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
            />
          </div>
          <button class="button" type="submit">
            {t('staff.login.submit')}
          </button>
        </form>
      </div>,
      status,
    );

  pages.get('/staff/login', (c) => loginForm(c));

  pages.post('/staff/login', async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 256) : '';
    const result = await signIn(db, email, password, clientAddress(c) ?? 'unknown', now(), requireMfa);
    if (!result.ok && result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return loginForm(
        c,
        t('staff.login.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
        429,
        email,
      );
    }
    if (!result.ok) return loginForm(c, t('staff.login.invalid'), 401, email);
    // A new session id at every sign-in: an id planted before sign-in is worthless.
    setPrivateCookie(c, SESSION_COOKIE, result.sessionId, IDLE_TIMEOUT_MS / 1000, secureCookies);
    const session = await loadSession(db, result.sessionId, now());
    return c.redirect(
      session?.stage === 'mfa' ? '/staff/login/mfa' : session?.stage === 'enrol' ? '/staff/mfa' : '/staff',
      303,
    );
  });

  // Everything else under /staff needs a live session; state-changing forms need its CSRF token.
  const requireStaff: MiddlewareHandler<StaffEnv> = async (c, next) => {
    const session = await loadSession(db, readCookie(c, SESSION_COOKIE), now());
    if (!session) {
      clearCookie(c, SESSION_COOKIE, secureCookies);
      return c.redirect('/staff/login', 303);
    }
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (form._csrf !== session.csrf) {
        await recordAudit(db, {
          actorType: 'staff',
          actorId: session.user.id,
          action: 'csrf',
          entityType: 'request',
          outcome: 'denied',
          ip: clientAddress(c),
        });
        return c.text('Forbidden: the form is out of date. Go back, reload and try again.', 403);
      }
    }
    // The cookie lives as long as the idle timeout, renewed on every request.
    setPrivateCookie(
      c,
      SESSION_COOKIE,
      readCookie(c, SESSION_COOKIE)!,
      IDLE_TIMEOUT_MS / 1000,
      secureCookies,
    );
    // Until the second factor is given (or set up, where required), nothing else opens.
    const path = c.req.path;
    if (session.stage === 'mfa' && path !== '/staff/login/mfa' && path !== '/staff/logout')
      return c.redirect('/staff/login/mfa', 303);
    if (session.stage === 'enrol' && path !== '/staff/mfa' && path !== '/staff/logout')
      return c.redirect('/staff/mfa', 303);
    c.set('staff', session);
    await next();
  };
  pages.use('*', async (c, next) => {
    const path = c.req.path;
    const guarded = (path === '/staff' || path.startsWith('/staff/')) && path !== '/staff/login';
    return guarded ? requireStaff(c, next) : next();
  });

  pages.post('/staff/logout', async (c) => {
    await signOut(db, c.get('staff'), clientAddress(c), now());
    clearCookie(c, SESSION_COOKIE, secureCookies);
    return c.redirect('/staff/login', 303);
  });

  // ---------------------------------------------------------------- two-factor sign-in

  const codeForm = (
    c: Context<StaffEnv>,
    title: string,
    action: string,
    hint: string,
    error?: string,
    status: 200 | 401 | 429 = 200,
    extra?: unknown,
  ) =>
    page(
      c,
      title,
      <div class="narrow">
        {error ? (
          <div class="error-summary" role="alert" tabindex={-1} data-autofocus>
            <h2>{t('sc.errorSummary')}</h2>
            <ul>
              <li>
                <a href="#code">{error}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <h1>{title}</h1>
        {extra as never}
        <form method="post" action={action} novalidate>
          <input type="hidden" name="_csrf" value={c.get('staff').csrf} />
          <div class="form-group">
            <label class="label" for="code">
              {t('staff.mfa.code')}
            </label>
            <div id="code-hint" class="hint">
              {hint}
            </div>
            <input
              class="input width-10"
              id="code"
              name="code"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              aria-describedby="code-hint"
            />
          </div>
          <button class="button" type="submit">
            {t('staff.mfa.verify')}
          </button>
        </form>
      </div>,
      status,
    );

  pages.get('/staff/login/mfa', (c) =>
    codeForm(c, t('staff.mfa.title'), '/staff/login/mfa', t('staff.mfa.hint')),
  );
  pages.post('/staff/login/mfa', async (c) => {
    const form = await c.req.parseBody();
    const code = typeof form.code === 'string' ? form.code.slice(0, 40) : '';
    const result = await verifySecondFactor(
      db,
      scheduling.box,
      c.get('staff'),
      code,
      clientAddress(c) ?? 'unknown',
      now(),
    );
    if (result === 'ok') return c.redirect('/staff', 303);
    const message =
      result === 'throttled' ? t('staff.login.throttled', { minutes: 15 }) : t('staff.mfa.invalid');
    return codeForm(
      c,
      t('staff.mfa.title'),
      '/staff/login/mfa',
      t('staff.mfa.hint'),
      message,
      result === 'throttled' ? 429 : 401,
    );
  });

  const enrolPage = async (c: Context<StaffEnv>, error?: string) => {
    const { secret, url } = await startEnrolment(db, scheduling.box, c.get('staff').user);
    const svg = await QRCode.toString(url, { type: 'svg', margin: 2, width: 220 });
    return codeForm(
      c,
      t('staff.mfa.enrolTitle'),
      '/staff/mfa',
      t('staff.mfa.enrolHint'),
      error,
      error ? 401 : 200,
      <>
        <p>{t('staff.mfa.enrolLead')}</p>
        <div class="qr" role="img" aria-label={t('staff.mfa.qrLabel')}>
          {raw(svg)}
        </div>
        <p>
          {t('staff.mfa.secret')} <code class="private-link">{secret}</code>
        </p>
      </>,
    );
  };
  pages.get('/staff/mfa', (c) => enrolPage(c));
  pages.post('/staff/mfa', async (c) => {
    const form = await c.req.parseBody();
    const code = typeof form.code === 'string' ? form.code.slice(0, 40) : '';
    const codes = await confirmEnrolment(db, scheduling.box, c.get('staff'), code, clientAddress(c), now());
    if (!codes) return enrolPage(c, t('staff.mfa.invalid'));
    return page(
      c,
      t('staff.mfa.doneTitle'),
      <div class="narrow">
        <h1>{t('staff.mfa.doneTitle')}</h1>
        <p>{t('staff.mfa.recovery')}</p>
        <ul class="private-link">
          {codes.map((x) => (
            <li>{x}</li>
          ))}
        </ul>
        <p>
          <a class="button" href="/staff">
            {t('staff.nav.today')}
          </a>
        </p>
      </div>,
      200,
      c.get('staff'),
    );
  });

  // ---------------------------------------------------------------- access rules

  const staffActor = (c: Context<StaffEnv>) => ({
    actorType: 'staff' as const,
    actorId: c.get('staff').user.id,
    ip: clientAddress(c),
    requestId: c.get('requestId'),
  });

  /** The appointment if this user may see it; otherwise the denial is audited and it is "not found". */
  const visibleAppointment = async (
    c: Context<StaffEnv>,
    id: string,
    action: string,
  ): Promise<StoredAppointment> => {
    const { user } = c.get('staff');
    const a = UUID_PATTERN.test(id) ? await findAppointment(db, id) : undefined;
    const allowed =
      a &&
      user.locationIds.includes(a.locationId) &&
      (user.role !== 'provider' || a.providerId === user.providerId);
    if (!a || !allowed) {
      await recordAudit(db, {
        ...staffActor(c),
        action,
        entityType: 'appointment',
        entityId: a?.id ?? null,
        outcome: a ? 'denied' : 'not-found',
      });
      throw new NotFound();
    }
    return a;
  };

  // ---------------------------------------------------------------- the day's schedule

  /**
   * The visits a user may see in a time window (a provider: their own, at their clinics; others:
   * the chosen clinic), with one audit event per visit shown.
   */
  const visitsInWindow = async (
    c: Context<StaffEnv>,
    locationId: string | undefined,
    start: Date,
    end: Date,
  ) => {
    const { user } = c.get('staff');
    const visits =
      user.role === 'provider'
        ? (await listAppointments(db, { providerId: user.providerId!, start, end })).filter((a) =>
            user.locationIds.includes(a.locationId),
          )
        : locationId
          ? await listAppointments(db, { locationId, start, end })
          : [];
    for (const a of visits) {
      await recordAudit(db, {
        ...staffActor(c),
        action: 'list',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    }
    return visits;
  };

  pages.get('/staff', async (c) => {
    const session = c.get('staff');
    const { user } = session;
    const d = await scheduling.directory.get();
    const today = dateInZone(now().getTime(), ZONE);
    const asked = c.req.query('date') ?? '';
    const date = isRealDate(asked) ? asked : today;
    const myLocations = d.locations.filter((l) => user.locationIds.includes(l.id));
    const location = myLocations.find((l) => l.slug === c.req.query('location')) ?? myLocations[0];
    const zone = location?.timeZone ?? ZONE;
    const start = new Date(
      Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
    );
    const end = new Date(start.getTime() + 86_400_000);
    const visits = await visitsInWindow(c, location?.id, start, end);
    const heading =
      user.role === 'provider'
        ? t('staff.schedule.mine', { day: dayInZone('en', start.getTime(), zone) })
        : t('staff.schedule.title', {
            clinic: location?.name ?? '',
            day: dayInZone('en', start.getTime(), zone),
          });
    // Administrators see at once when messages could not be sent.
    const [failed] =
      user.role === 'admin'
        ? await db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'failed'",
          )
        : [];
    const shift = (n: number) => Temporal.PlainDate.from(date).add({ days: n }).toString();
    const q = (dt: string) =>
      `/staff?${new URLSearchParams({ ...(location && user.role !== 'provider' ? { location: location.slug } : {}), date: dt })}`;
    return page(
      c,
      heading,
      <>
        <h1>{heading}</h1>
        {failed && failed.n > 0 ? (
          <p class="inset-warning" role="status">
            <a href="/staff/outbox">{t('staff.outbox.failed', { n: failed.n })}</a>
          </p>
        ) : null}
        <form method="get" action="/staff" class="filters">
          {user.role !== 'provider' ? (
            <div class="form-group">
              <label class="label" for="location">
                {t('staff.schedule.clinic')}
              </label>
              <select class="input" id="location" name="location">
                {myLocations.map((l) => (
                  <option value={l.slug} selected={l.id === location?.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div class="form-group">
            <label class="label" for="date">
              {t('staff.schedule.date')}
            </label>
            <input class="input width-10" id="date" name="date" type="date" value={date} />
          </div>
          <div class="form-group">
            <button class="button secondary" type="submit">
              {t('staff.schedule.show')}
            </button>
          </div>
        </form>
        <p class="pager">
          <a href={q(shift(-1))}>{t('staff.schedule.prev')}</a>{' '}
          <a href={q(shift(1))}>{t('staff.schedule.next')}</a>
        </p>
        {visits.length === 0 ? (
          <p>{t('staff.schedule.none')}</p>
        ) : (
          <ScheduleTable d={d} visits={visits} session={session} back={q(date)} />
        )}
      </>,
      200,
      session,
    );
  });

  // ---------------------------------------------------------------- check-in and no-show

  pages.post('/staff/appointments/:id/check-in', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'check-in');
    if (await changeStatus(db, a.id, 'checked-in', ['booked', 'no-show'], now())) {
      await recordAudit(db, {
        ...staffActor(c),
        action: 'check-in',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    }
    const form = await c.req.parseBody();
    const back =
      typeof form.back === 'string' && /^\/staff(\?[\w=&%.-]*)?$/.test(form.back) ? form.back : '/staff';
    return c.redirect(back, 303);
  });

  pages.get('/staff/appointments/:id/no-show', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'read');
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
    });
    const d = await scheduling.directory.get();
    const l = d.locations.find((x) => x.id === a.locationId)!;
    const session = c.get('staff');
    return page(
      c,
      t('staff.noShow.title'),
      <div class="narrow">
        <h1>{t('staff.noShow.title')}</h1>
        <p>
          {a.patient.givenName} {a.patient.familyName}, {dayInZone('en', a.startsAt.getTime(), l.timeZone)}{' '}
          {timeInZone('en', a.startsAt.getTime(), l.timeZone)}
        </p>
        <form method="post" action={`/staff/appointments/${a.id}/no-show`}>
          <input type="hidden" name="_csrf" value={session.csrf} />
          <button class="button warning" type="submit">
            {t('staff.noShow.confirm')}
          </button>
        </form>
        <p>
          <a href="/staff">{t('staff.noShow.back')}</a>
        </p>
      </div>,
      200,
      session,
    );
  });

  pages.post('/staff/appointments/:id/no-show', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'no-show');
    if (await changeStatus(db, a.id, 'no-show', ['booked', 'checked-in'], now())) {
      await recordAudit(db, {
        ...staffActor(c),
        action: 'no-show',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    }
    return c.redirect('/staff', 303);
  });

  // ---------------------------------------------------------------- search and week view

  pages.get('/staff/search', async (c) => {
    const session = c.get('staff');
    const { user } = session;
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const isDate = isRealDate(q);
    const visits =
      q.length >= 2
        ? await searchAppointments(db, {
            locationIds: user.locationIds,
            ...(user.role === 'provider' ? { providerId: user.providerId! } : {}),
            ...(isDate ? { birthDate: q } : { name: q }),
          })
        : [];
    for (const a of visits)
      await recordAudit(db, {
        ...staffActor(c),
        action: 'search',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    const d = await scheduling.directory.get();
    return page(
      c,
      t('staff.search.title'),
      <>
        <h1>{t('staff.search.title')}</h1>
        <form method="get" action="/staff/search" class="filters">
          <div class="form-group">
            <label class="label" for="q">
              {t('staff.search.label')}
            </label>
            <div id="q-hint" class="hint">
              {t('staff.search.hint')}
            </div>
            <input
              class="input width-20"
              id="q"
              name="q"
              value={q}
              aria-describedby="q-hint"
              spellcheck={false}
            />
          </div>
          <div class="form-group">
            <button class="button secondary" type="submit">
              {t('staff.search.submit')}
            </button>
          </div>
        </form>
        {q.length >= 2 && visits.length === 0 ? <p>{t('staff.schedule.none')}</p> : null}
        {visits.length ? (
          <ScheduleTable d={d} visits={visits} session={session} back="/staff" withDate />
        ) : null}
      </>,
      200,
      session,
    );
  });

  pages.get('/staff/week', async (c) => {
    const session = c.get('staff');
    const { user } = session;
    const d = await scheduling.directory.get();
    const today = dateInZone(now().getTime(), ZONE);
    const asked = c.req.query('date') ?? '';
    const chosen = Temporal.PlainDate.from(isRealDate(asked) ? asked : today);
    const weekStart = chosen.subtract({ days: chosen.dayOfWeek - 1 });
    const myLocations = d.locations.filter((l) => user.locationIds.includes(l.id));
    const location = myLocations.find((l) => l.slug === c.req.query('location')) ?? myLocations[0];
    const zone = location?.timeZone ?? ZONE;
    const start = new Date(weekStart.toZonedDateTime({ timeZone: zone }).epochMilliseconds);
    const end = new Date(weekStart.add({ days: 7 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
    const visits = await visitsInWindow(c, location?.id, start, end);
    const who = user.role === 'provider' ? user.displayName : (location?.name ?? '');
    const heading = t('staff.week.title', { clinic: who, day: dayInZone('en', start.getTime(), zone) });
    const link = (n: number) =>
      `/staff/week?${new URLSearchParams({ ...(location ? { location: location.slug } : {}), date: weekStart.add({ days: n }).toString() })}`;
    return page(
      c,
      heading,
      <>
        <h1>{heading}</h1>
        <p class="pager">
          <a href={link(-7)}>{t('staff.week.prev')}</a> <a href={link(7)}>{t('staff.week.next')}</a>
        </p>
        {visits.length === 0 ? (
          <p>{t('staff.schedule.none')}</p>
        ) : (
          <ScheduleTable d={d} visits={visits} session={session} back={link(0)} withDate />
        )}
      </>,
      200,
      session,
    );
  });

  // ---------------------------------------------------------------- the intake

  pages.get('/staff/appointments/:id/intake', async (c) => {
    const session = c.get('staff');
    const a = await visibleAppointment(c, c.req.param('id'), 'read-intake');
    // Providers read their own patients' intakes; administrators too. Front desk sees only that one exists.
    const assessment = a.assessmentId ? await findAssessment(db, a.assessmentId, now()) : undefined;
    if (session.user.role === 'front-desk' || !assessment) {
      await recordAudit(db, {
        ...staffActor(c),
        action: 'read-intake',
        entityType: 'assessment',
        entityId: a.assessmentId,
        outcome: assessment ? 'denied' : 'not-found',
      });
      throw new NotFound();
    }
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read-intake',
      entityType: 'assessment',
      entityId: assessment.id,
      outcome: 'success',
      detail: { appointment: a.id },
    });
    const checkIns = await listCheckIns(db, assessment.id);
    const p = triage.pathways.get(assessment.pathwayId)!;
    const intake = buildIntake(p, assessment.answers, assessment.scores, {
      yes: t('sc.yes'),
      no: t('sc.no'),
      notAsked: t('sc.check.notAnswered'),
    });
    const Lines = ({ lines }: { lines: { question: string; answer: string }[] }) => (
      <table>
        <tbody>
          {lines.map((l) => (
            <tr>
              <th scope="row">{l.question}</th>
              <td>
                <strong>{l.answer}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return page(
      c,
      t('staff.intake.title'),
      <div>
        <h1>
          {t('staff.intake.title')}: {a.patient.givenName} {a.patient.familyName}
        </h1>
        <h2>{t('staff.intake.result')}</h2>
        <p>
          <span class={`status status-${assessment.disposition}`}>
            {t(`result.title.${assessment.disposition}`)}
          </span>
          .{' '}
          {t('staff.intake.pathway', {
            id: assessment.pathwayId,
            version: assessment.pathwayVersion,
            when: assessment.createdAt.toISOString(),
          })}
        </p>
        <ul>
          {assessment.reasons.map((r) => (
            <li>{r.text.en}</li>
          ))}
        </ul>
        <h2>{t('staff.intake.redFlags')}</h2>
        <Lines lines={intake.redFlags} />
        <h2>{t('staff.intake.history')}</h2>
        <Lines lines={intake.course} />
        <h2>{t('staff.intake.cautions')}</h2>
        <Lines lines={intake.cautions} />
        <h2>{t('staff.intake.scores')}</h2>
        <ul>
          {!intake.scores.peg && !intake.scores.startBack ? <li>{t('result.scores.none')}</li> : null}
          {intake.scores.peg ? <li>PEG {intake.scores.peg.score}/10</li> : null}
          {intake.scores.startBack ? (
            <li>
              STarT Back {intake.scores.startBack.total}/9, psychosocial{' '}
              {intake.scores.startBack.psychosocial}/5, {intake.scores.startBack.risk} risk
            </li>
          ) : null}
        </ul>
        <h2>{t('staff.intake.checkIns')}</h2>
        {checkIns.length === 0 ? (
          <p>{t('staff.intake.noCheckIns')}</p>
        ) : (
          <ul>
            {checkIns.map((x) => (
              <li>
                {x.createdAt.toISOString()}: {x.improving}, {x.disposition}
                {x.newSigns.length ? ` (${x.newSigns.join(', ')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>,
      200,
      session,
    );
  });

  // ---------------------------------------------------------------- administrators

  const requireAdmin = async (c: Context<StaffEnv>, what: string) => {
    if (c.get('staff').user.role !== 'admin') {
      await recordAudit(db, { ...staffActor(c), action: 'read', entityType: what, outcome: 'denied' });
      throw new NotFound();
    }
  };

  pages.get('/staff/audit', async (c) => {
    await requireAdmin(c, 'audit-events');
    const q = c.req.query();
    const date = q.date && isRealDate(q.date) ? q.date : undefined;
    const events = await listAuditEvents(db, {
      actorId: q.user || undefined,
      entityId: q.entity || undefined,
      date,
    });
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read',
      entityType: 'audit-events',
      outcome: 'success',
    });
    const session = c.get('staff');
    return page(
      c,
      t('staff.audit.title'),
      <>
        <h1>{t('staff.audit.title')}</h1>
        <form method="get" action="/staff/audit" class="filters">
          <div class="form-group">
            <label class="label" for="user">
              {t('staff.audit.user')}
            </label>
            <input class="input width-20" id="user" name="user" value={q.user ?? ''} />
          </div>
          <div class="form-group">
            <label class="label" for="entity">
              {t('staff.audit.entity')}
            </label>
            <input class="input width-20" id="entity" name="entity" value={q.entity ?? ''} />
          </div>
          <div class="form-group">
            <label class="label" for="date">
              {t('staff.audit.date')}
            </label>
            <input class="input width-10" id="date" name="date" value={q.date ?? ''} />
          </div>
          <div class="form-group">
            <button class="button secondary" type="submit">
              {t('staff.audit.filter')}
            </button>
          </div>
        </form>
        <table>
          <thead>
            <tr>
              <th>{t('staff.audit.when')}</th>
              <th>{t('staff.audit.who')}</th>
              <th>{t('staff.audit.what')}</th>
              <th>{t('staff.audit.action')}</th>
              <th>{t('staff.audit.outcome')}</th>
              <th>{t('staff.audit.from')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{e.occurred_at.toISOString()}</td>
                <td>
                  {e.actor_type}
                  {e.actor_id ? ` ${e.actor_id}` : ''}
                </td>
                <td>
                  {e.entity_type}
                  {e.entity_id ? ` ${e.entity_id}` : ''}
                </td>
                <td>{e.action}</td>
                <td>{e.outcome}</td>
                <td>{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
      200,
      session,
    );
  });

  pages.get('/api/v1/audit-events', async (c) => {
    const session = await loadSession(db, readCookie(c, SESSION_COOKIE), now());
    if (!session || session.user.role !== 'admin') {
      await recordAudit(db, {
        actorType: 'staff',
        actorId: session?.user.id ?? null,
        action: 'read',
        entityType: 'audit-events',
        outcome: 'denied',
        ip: clientAddress(c),
      });
      throw new NotFound('There is no API endpoint at this path.');
    }
    const q = c.req.query();
    const events = await listAuditEvents(db, {
      actorId: q.user || undefined,
      entityId: q.entity || undefined,
      date: q.date && isRealDate(q.date) ? q.date : undefined,
    });
    await recordAudit(db, {
      actorType: 'staff',
      actorId: session.user.id,
      action: 'read',
      entityType: 'audit-events',
      outcome: 'success',
      ip: clientAddress(c),
    });
    return c.json({
      events: events.map((e) => ({
        id: e.id,
        occurredAt: e.occurred_at.toISOString(),
        actorType: e.actor_type,
        actorId: e.actor_id,
        action: e.action,
        entityType: e.entity_type,
        entityId: e.entity_id,
        outcome: e.outcome,
        ip: e.ip,
      })),
    });
  });

  pages.get('/staff/outbox', async (c) => {
    await requireAdmin(c, 'outbox');
    const rows = await db.query<{
      id: string;
      kind: string;
      recipient: string;
      subject: string;
      status: string;
      not_before: Date;
      sent_at: Date | null;
      text_body: string;
      last_error: string | null;
    }>(
      'SELECT id, kind, recipient, subject, status, not_before, sent_at, text_body, last_error FROM outbox_messages ORDER BY created_at DESC LIMIT 100',
    );
    await recordAudit(db, { ...staffActor(c), action: 'read', entityType: 'outbox', outcome: 'success' });
    const session = c.get('staff');
    return page(
      c,
      t('staff.outbox.title'),
      <>
        <h1>{t('staff.outbox.title')}</h1>
        <p>{t('staff.outbox.lead')}</p>
        {rows.length === 0 ? <p>{t('staff.outbox.none')}</p> : null}
        {rows.map((m) => (
          <details class="panel">
            <summary>
              {m.not_before.toISOString()} · {m.kind} · {m.status} · {m.recipient}
            </summary>
            <p>
              <strong>{m.subject}</strong>
            </p>
            <pre class="private-link">{m.text_body}</pre>
            {m.last_error ? <p class="error-message">{m.last_error}</p> : null}
          </details>
        ))}
      </>,
      200,
      session,
    );
  });

  return pages;
}
