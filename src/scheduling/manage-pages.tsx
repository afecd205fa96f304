/**
 * A patient's visit at its private link: details, directions, calendar file, and cancel or
 * reschedule with a confirmation step each. The token in the path is the only key.
 */
import { SchedulingRefused } from './refusals.js';
import type { Context } from 'hono';
import { tel } from '../platform/views/tel.js';
import { actorOf } from '../platform/http/request-context.js';
import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../platform/http/app-env.js';
import { NotFound, ValidationFailed } from '../platform/http/problem.js';
import { dateInZone, dayInZone, longDate, pageDate, timeInZone } from '../platform/i18n/format.js';
import { TOKEN_PATTERN } from '../platform/tokens.js';
import type { PageContext } from '../platform/views/page-context.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { appointmentView } from './booking-service.js';
import { cancelAppointment, readAppointmentByToken, rescheduleAppointment } from './visit-changes.js';
import { searchSlots } from './slot-search.js';
import { type Scheduling } from './scheduling.js';
import { BackLink, queryString, VisitSummary } from './booking-views.js';
import { chosenDay, DayPicker, DayTimes, daysOf } from './day-picker.js';
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
    return { token, a: await readAppointmentByToken(s, token, actorOf(c, 'patient'), options) };
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
            <p>
              {ctx.t('visit.phoneLabel')}: <a href={tel(v.location.phone)}>{v.location.phone}</a>
            </p>
            <p class="no-print">
              <a href={`${base}/visit.ics`} download="carepath-visit.ics">
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
          <a href={base}>{ctx.t('manage.cancel.keep')}</a>
        </p>
      </div>,
    );
  });

  pages.post('/appointments/manage/:token/cancel', async (c) => {
    const { token, a } = await load(c, { auditSuccess: false });
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    try {
      await cancelAppointment(s, a, token, actorOf(c, 'patient'));
    } catch (error) {
      if (!(error instanceof SchedulingRefused)) throw error;
    }
    return c.redirect(ctx.href(`/appointments/manage/${token}`), 303);
  });

  // ---------------------------------------------------------------- reschedule

  const refOf = async (a: StoredAppointment) => {
    const v = appointmentView(await s.directory.get(), a);
    return {
      v,
      search: { visitType: v.visitType.slug, location: v.location.slug, provider: v.provider.slug },
    };
  };

  pages.get('/appointments/manage/:token/reschedule', async (c) => {
    const { token, a } = await load(c);
    if (!a) return notFound(c);
    const ctx: PageContext = await contextFor(c, site);
    const base = ctx.href(`/appointments/manage/${token}`);
    if (!changeable(a)) return c.redirect(base, 303);
    const d = await s.directory.get();
    const { v, search } = await refOf(a);
    const today = dateInZone(s.now().getTime(), v.location.timeZone);
    const q = c.req.query('date');
    const from = pageDate(q, today);
    const to = Temporal.PlainDate.from(from).add({ days: 6 }).toString();
    const slots = (await searchSlots(s, { ...search, from, to })).filter(
      (x) => x.startMs !== a.startsAt.getTime(),
    );
    // A week as a row of days; only the chosen day's times are listed (see day-picker.tsx).
    const days = daysOf(slots, from, 7);
    const day = chosenDay(days, c.req.query('day'));
    const week = (n: number) => Temporal.PlainDate.from(from).add({ days: n }).toString();
    return renderPage(
      c,
      ctx,
      { title: ctx.t('manage.reschedule.title'), noindex: true },
      <div>
        <BackLink ctx={ctx} href={base} />
        {c.req.query('taken') ? (
          <div class="notice" role="status">
            {ctx.t('book.taken')}
          </div>
        ) : null}
        <h1>{ctx.t('manage.reschedule.title')}</h1>
        <p class="narrow">
          {v.visitType.name[ctx.locale]}, {v.provider.displayName}, {v.location.name}
        </p>
        {slots.length === 0 ? <p>{ctx.t('book.times.none', { days: 7 })}</p> : null}
        <DayPicker
          ctx={ctx}
          days={days}
          selected={day?.date}
          href={(date) => `${base}/reschedule${queryString({ date: from, day: date })}`}
        />
        {day ? (
          <>
            <h2 class="dt-day">{ctx.t('book.days.showing', { day: longDate(ctx.locale, day.date) })}</h2>
            <DayTimes
              ctx={ctx}
              d={d}
              slots={day.slots}
              choose={(x) => `${base}/reschedule/confirm${queryString({ start: x.start })}`}
            />
          </>
        ) : null}
        <p class="pager">
          {from > today ? (
            <a href={`${base}/reschedule${queryString({ date: week(-7) < today ? today : week(-7) })}`}>
              {ctx.t('book.times.earlier')}
            </a>
          ) : null}{' '}
          <a href={`${base}/reschedule${queryString({ date: week(7) })}`}>{ctx.t('book.times.later')}</a>
        </p>
      </div>,
    );
  });

  pages.get('/appointments/manage/:token/reschedule/confirm', async (c) => {
    const { token, a } = await load(c);
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    const base = ctx.href(`/appointments/manage/${token}`);
    if (!changeable(a)) return c.redirect(base, 303);
    const start = c.req.query('start') ?? '';
    let startMs: number;
    try {
      startMs = Temporal.Instant.from(start).epochMilliseconds;
    } catch {
      return c.redirect(`${base}/reschedule`, 303);
    }
    const { v } = await refOf(a);
    const when = (ms: number) =>
      `${dayInZone(ctx.locale, ms, v.location.timeZone)}, ${timeInZone(ctx.locale, ms, v.location.timeZone)}`;
    return renderPage(
      c,
      ctx,
      { title: ctx.t('manage.reschedule.confirmTitle'), noindex: true },
      <div class="narrow">
        <BackLink ctx={ctx} href={`${base}/reschedule`} />
        <h1>{ctx.t('manage.reschedule.confirmTitle')}</h1>
        <dl class="summary-list">
          <div>
            <dt>{ctx.t('manage.reschedule.from')}</dt>
            <dd>{when(a.startsAt.getTime())}</dd>
          </div>
          <div>
            <dt>{ctx.t('manage.reschedule.to')}</dt>
            <dd>
              <strong>{when(startMs)}</strong>
            </dd>
          </div>
        </dl>
        <form method="post" action={`${base}/reschedule/confirm`}>
          <input type="hidden" name="start" value={start} />
          <button class="button" type="submit">
            {ctx.t('manage.reschedule.confirm')}
          </button>
        </form>
        <p>
          <a href={base}>{ctx.t('manage.cancel.keep')}</a>
        </p>
      </div>,
    );
  });

  pages.post('/appointments/manage/:token/reschedule/confirm', async (c) => {
    const { token, a } = await load(c, { auditSuccess: false });
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    const base = ctx.href(`/appointments/manage/${token}`);
    const form = await c.req.parseBody();
    try {
      await rescheduleAppointment(
        s,
        a,
        typeof form.start === 'string' ? form.start : '',
        token,
        actorOf(c, 'patient'),
      );
    } catch (error) {
      if (error instanceof SchedulingRefused || error instanceof ValidationFailed)
        return c.redirect(`${base}/reschedule?taken=1`, 303);
      throw error;
    }
    return c.redirect(`${base}?moved=1`, 303);
  });

  return pages;
}
