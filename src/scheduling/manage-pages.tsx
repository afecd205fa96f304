/**
 * A patient's visit at its private link: details, directions, calendar file, and cancel or
 * reschedule with a confirmation step each. The token in the path is the only key.
 */
import { SchedulingRefused } from './refusals.js';
import type { Context } from 'hono';
import { tel } from '../platform/views/tel.js';
import { requestCommandContext } from './command-context.js';
import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/app-env.js';
import { NotFound } from '../platform/http/problem.js';
import { TOKEN_PATTERN } from '../platform/tokens.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { appointmentView } from './booking-service.js';
import { DirectionsLink } from '../directory/index.js';
import { cancelAppointment, readAppointmentByToken } from './visit-changes.js';
import { reschedulePages } from './reschedule-pages.js';
import { type Scheduling } from './scheduling.js';
import { BackLink, VisitSummary } from './booking-views.js';
import { visitCalendarResponse } from './visit-calendar.js';
import type { StoredAppointment } from './scheduling-store.js';

/** A short reference for a visit, to read out on the phone: the first 8 hex digits of its id. */
export const visitReference = (id: string) => `${id.slice(0, 4)}-${id.slice(4, 8)}`.toUpperCase();

/** "a•••@example.com": enough to recognise the address, not to read it off a shared screen. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  return `${email[0]}•••${email.slice(at)}`;
}

export function managePages(s: Scheduling, site: Site): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();

  const load = async (c: Context<AppEnv>, options: { auditSuccess?: boolean } = {}) => {
    const token = c.req.param('token') ?? '';
    if (!TOKEN_PATTERN.test(token)) return { token, a: undefined };
    return { token, a: await readAppointmentByToken(requestCommandContext(c, s, 'patient'), token, options) };
  };

  const notFound = async (c: Context<AppEnv>) => {
    const ctx = await contextFor(c, site);
    return renderPage(
      c,
      ctx,
      { title: ctx.t('manage.notFound.title'), status: 404, noindex: true },
      <div class="narrow">
        <h1>{ctx.t('manage.notFound.title')}</h1>
        <p>{ctx.t('manage.notFound.body')}</p>
      </div>,
    );
  };

  const changeable = (a: StoredAppointment) =>
    a.status === 'booked' && a.startsAt.getTime() > s.now().getTime();

  pages.get('/appointments/manage/:token', async (c) => {
    const { token, a } = await load(c);
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    const d = await s.directory.get();
    const v = appointmentView(d, a);
    const base = ctx.href(`/appointments/manage/${token}`);
    const q = c.req.query();
    const heading =
      a.status === 'cancelled'
        ? ctx.t('manage.cancelled.title')
        : q.moved
          ? ctx.t('manage.rescheduled')
          : q.booked
            ? ctx.t('manage.booked')
            : ctx.t('manage.title');
    return renderPage(
      c,
      ctx,
      { title: heading, noindex: true },
      <div class="narrow">
        {a.status === 'booked' && (q.booked || q.moved) ? (
          <div class="result-panel self-care" role="status">
            <h1>{heading}</h1>
          </div>
        ) : (
          <h1>{heading}</h1>
        )}
        {a.status === 'cancelled' ? <p>{ctx.t('manage.cancelled.body')}</p> : null}
        <p class="print-only">
          {ctx.t('visit.printHeader', { network: ctx.network.name, clinic: v.location.name })}
        </p>
        {q.booked && a.status === 'booked' && a.patient.email !== null ? (
          <p>{ctx.t('visit.emailedTo', { email: maskEmail(a.patient.email) })}</p>
        ) : null}
        <VisitSummary
          ctx={ctx}
          visitType={v.visitType}
          location={v.location}
          provider={v.provider}
          startMs={a.startsAt.getTime()}
          extra={
            <>
              <div>
                <dt>{ctx.t('manage.status')}</dt>
                <dd>{ctx.t(`manage.status.${a.status}`)}</dd>
              </div>
              <div>
                <dt>{ctx.t('visit.reference')}</dt>
                <dd>{visitReference(a.id)}</dd>
              </div>
            </>
          }
        />
        {a.status === 'booked' ? (
          <>
            <h2>{ctx.t('visit.bring.heading')}</h2>
            <ul>
              <li>{ctx.t('visit.bring.id')}</li>
              <li>{ctx.t('visit.bring.insurance')}</li>
              <li>{ctx.t('visit.bring.medicines')}</li>
            </ul>
            <p>{ctx.t('visit.arrive')}</p>
          </>
        ) : null}
        {a.status !== 'cancelled' ? (
          <>
            <h2>{ctx.t('manage.directions')}</h2>
            <p>{v.location.directions[ctx.locale]}</p>
            <p class="no-print">
              <DirectionsLink ctx={ctx} l={v.location} />
            </p>
            <p>
              {ctx.t('visit.phoneLabel')}: <a href={tel(v.location.phone)}>{v.location.phone}</a>
            </p>
            <p class="no-print">
              <a class="standalone-link" href={`${base}/visit.ics`} download="carepath-visit.ics">
                {ctx.t('manage.calendar')}
              </a>
            </p>
          </>
        ) : null}
        {changeable(a) ? (
          <p class="no-print">
            <a class="button secondary" href={`${base}/reschedule`}>
              {ctx.t('manage.change')}
            </a>{' '}
            {/* A quiet link, not a red button right under a new booking. */}
            <a class="action-link" href={`${base}/cancel`}>
              {ctx.t('manage.cancel')}
            </a>
          </p>
        ) : a.status !== 'cancelled' ? (
          <p>{ctx.t('manage.past')}</p>
        ) : (
          <p>
            <a class="button" href={ctx.href('/book')}>
              {ctx.t('book.title')}
            </a>
          </p>
        )}
        <p class="notice no-print">{ctx.t('manage.keep')}</p>
        <p class="muted no-print">
          {ctx.t('manage.print')}{' '}
          <button class="button secondary print-button" type="button" data-print hidden>
            {ctx.t('visit.printButton')}
          </button>
        </p>
      </div>,
    );
  });

  pages.get('/appointments/manage/:token/visit.ics', async (c) => {
    const { a } = await load(c);
    if (!a) throw new NotFound();
    const ctx = await contextFor(c, site);
    return visitCalendarResponse(c, s, a, ctx.locale);
  });

  // ---------------------------------------------------------------- cancel

  pages.get('/appointments/manage/:token/cancel', async (c) => {
    const { token, a } = await load(c);
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    const base = ctx.href(`/appointments/manage/${token}`);
    if (!changeable(a)) return c.redirect(base, 303);
    const v = appointmentView(await s.directory.get(), a);
    return renderPage(
      c,
      ctx,
      { title: ctx.t('manage.cancel.title'), noindex: true },
      <div class="narrow">
        <BackLink ctx={ctx} href={base} />
        <h1>{ctx.t('manage.cancel.title')}</h1>
        <VisitSummary
          ctx={ctx}
          visitType={v.visitType}
          location={v.location}
          provider={v.provider}
          startMs={a.startsAt.getTime()}
        />
        <p>{ctx.t('manage.cancel.body')}</p>
        <form method="post" action={`${base}/cancel`}>
          <button class="button warning" type="submit">
            {ctx.t('manage.cancel.confirm')}
          </button>
        </form>
        <p>
          <a class="standalone-link" href={base}>
            {ctx.t('manage.cancel.keep')}
          </a>
        </p>
      </div>,
    );
  });

  pages.post('/appointments/manage/:token/cancel', async (c) => {
    const { token, a } = await load(c, { auditSuccess: false });
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    try {
      await cancelAppointment(requestCommandContext(c, s, 'patient'), a, token);
    } catch (error) {
      if (!(error instanceof SchedulingRefused)) throw error;
    }
    return c.redirect(ctx.href(`/appointments/manage/${token}`), 303);
  });

  pages.route('/', reschedulePages(s, site, { load, notFound, changeable }));

  return pages;
}
