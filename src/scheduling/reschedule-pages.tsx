/**
 * Moving a visit from its private link: a new time, and if the patient wants, another clinician,
 * clinic or visit type (within what the visit's self-check allows; the intake stays with it).
 * Without JavaScript: a GET form for the choice, a row of days, one day's times, a confirmation
 * step that shows the visit before and after, then one POST.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { Directory } from '../directory/index.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { ValidationFailed } from '../platform/http/problem.js';
import { requestCommandContext } from './command-context.js';
import { dateInZone, longDate, pageDate } from '../platform/i18n/format.js';
import { ErrorMessage, type FormError } from '../platform/views/forms.js';
import { titleWithErrors } from '../platform/views/forms.js';
import type { PageContext } from '../platform/views/page-context.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { appointmentView } from './booking-service.js';
import {
  BackLink,
  ClinicAndClinician,
  ErrorSummary,
  LanguageNotice,
  queryString,
  slugOnly,
  VisitSummary,
} from './booking-views.js';
import { chosenDay, DayPicker, DayTimes, daysOf } from './day-picker.js';
import { SchedulingRefused } from './refusals.js';
import type { Scheduling } from './scheduling.js';
import type { StoredAppointment } from './scheduling-store.js';
import { searchSlots } from './slot-search.js';
import { moveTargetOf, rescheduleAppointment, visitTypesForMove } from './visit-changes.js';

/** The patient's choice on the move page; an absent clinic or clinician means "any". */
interface MoveChoice {
  visitType: string;
  location?: string;
  provider?: string;
}

/**
 * The choice from the query. On first arrival (no `change` marker) it is the visit as booked;
 * after the form, an empty clinic or clinician means any (queryString drops empty values, so
 * the marker tells "any" from "not chosen yet").
 */
function choiceOf(d: Directory, a: StoredAppointment, q: Record<string, string>): MoveChoice {
  const current = moveTargetOf(d, a, { start: '' });
  if (!q.change)
    return { visitType: current.visitType, location: current.location, provider: current.provider };
  return {
    visitType: q.visitType || current.visitType,
    location: q.location || undefined,
    provider: q.provider || undefined,
  };
}

const choiceQuery = (c: MoveChoice) => ({
  change: '1',
  visitType: c.visitType,
  location: c.location,
  provider: c.provider,
});

export function reschedulePages(
  s: Scheduling,
  site: Site,
  deps: {
    load: (
      c: Context<AppEnv>,
      options?: { auditSuccess?: boolean },
    ) => Promise<{ token: string; a: StoredAppointment | undefined }>;
    notFound: (c: Context<AppEnv>) => Promise<Response>;
    changeable: (a: StoredAppointment) => boolean;
  },
): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  const { load, notFound, changeable } = deps;

  pages.get('/appointments/manage/:token/reschedule', async (c) => {
    const { token, a } = await load(c);
    if (!a) return notFound(c);
    const ctx: PageContext = await contextFor(c, site);
    const base = ctx.href(`/appointments/manage/${token}`);
    if (!changeable(a)) return c.redirect(base, 303);
    const d = await s.directory.get();
    const v = appointmentView(d, a);
    const q = c.req.query();
    const choice = choiceOf(d, a, q);
    const allowed = visitTypesForMove(d, a);
    const errors: FormError[] = [];
    if (!allowed.some((x) => x.slug === choice.visitType))
      errors.push({ href: 'visitType', message: ctx.t('manage.reschedule.error.visitType') });
    const today = dateInZone(s.now().getTime(), v.location.timeZone);
    const from = pageDate(q.date, today);
    const to = Temporal.PlainDate.from(from).add({ days: 6 }).toString();
    let slots: Awaited<ReturnType<typeof searchSlots>> = [];
    if (!errors.length) {
      try {
        // The visit's own time is not a choice (the same clinician at the same start).
        slots = (await searchSlots(s, { ...choice, from, to })).filter(
          (x) => !(x.startMs === a.startsAt.getTime() && x.provider === v.provider.slug),
        );
      } catch (error) {
        if (!(error instanceof ValidationFailed)) throw error;
        errors.push({ href: 'provider', message: ctx.t('book.error.combination') });
      }
    }
    // A week as a row of days; only the chosen day's times are listed (see day-picker.tsx).
    const days = daysOf(slots, from, 7);
    const day = errors.length ? undefined : chosenDay(days, q.day);
    const week = (n: number) => Temporal.PlainDate.from(from).add({ days: n }).toString();
    const here = (extra: Record<string, string | undefined>) =>
      `${base}/reschedule${queryString({ ...(q.change ? choiceQuery(choice) : {}), ...extra })}`;
    const changed = Boolean(q.change) || errors.length > 0;
    const title = titleWithErrors(ctx, ctx.t('manage.reschedule.title'), errors);
    return renderPage(
      c,
      ctx,
      { title, noindex: true, status: errors.length ? 422 : 200 },
      <div>
        <BackLink ctx={ctx} href={base} />
        <ErrorSummary ctx={ctx} errors={errors} />
        {q.taken ? (
          <div class="notice" role="status">
            {ctx.t('book.taken')}
          </div>
        ) : null}
        <h1>{ctx.t('manage.reschedule.title')}</h1>
        <p class="narrow">
          {ctx.t('manage.reschedule.now')}: {v.visitType.name[ctx.locale]}, {v.provider.displayName},{' '}
          {v.location.name}
        </p>
        <details class="narrow move-choice" open={changed}>
          <summary>{ctx.t('manage.reschedule.changeSummary')}</summary>
          <ChangeForm
            ctx={ctx}
            d={d}
            base={base}
            choice={choice}
            allowed={allowed}
            errors={errors}
            intake={Boolean(a.assessmentId)}
          />
        </details>
        {!errors.length && slots.length === 0 ? <p>{ctx.t('book.times.none', { days: 7 })}</p> : null}
        {errors.length ? null : (
          <DayPicker
            ctx={ctx}
            days={days}
            selected={day?.date}
            href={(date) => here({ date: from, day: date })}
          />
        )}
        {day ? (
          <>
            <h2 class="dt-day">{ctx.t('book.days.showing', { day: longDate(ctx.locale, day.date) })}</h2>
            <DayTimes
              ctx={ctx}
              d={d}
              slots={day.slots}
              choose={(x) =>
                `${base}/reschedule/confirm${queryString({
                  start: x.start,
                  visitType: x.visitType,
                  location: x.location,
                  provider: x.provider,
                })}`
              }
            />
          </>
        ) : null}
        {errors.length ? null : (
          <p class="pager">
            {from > today ? (
              <a href={here({ date: week(-7) < today ? today : week(-7) })}>{ctx.t('book.times.earlier')}</a>
            ) : null}{' '}
            <a href={here({ date: week(7) })}>{ctx.t('book.times.later')}</a>
          </p>
        )}
      </div>,
    );
  });

  pages.get('/appointments/manage/:token/reschedule/confirm', async (c) => {
    const { token, a } = await load(c);
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    const base = ctx.href(`/appointments/manage/${token}`);
    if (!changeable(a)) return c.redirect(base, 303);
    const d = await s.directory.get();
    const q = c.req.query();
    const target = moveTargetOf(d, a, {
      start: q.start ?? '',
      visitType: q.visitType,
      location: q.location,
      provider: q.provider,
    });
    let startMs: number;
    try {
      startMs = Temporal.Instant.from(target.start).epochMilliseconds;
    } catch {
      return c.redirect(`${base}/reschedule`, 303);
    }
    const visitType = visitTypesForMove(d, a).find((x) => x.slug === target.visitType);
    const location = d.locations.find((x) => x.slug === target.location);
    const provider = d.providers.find((x) => x.slug === target.provider);
    if (!visitType || !location || !provider) return c.redirect(`${base}/reschedule`, 303);
    const v = appointmentView(d, a);
    return renderPage(
      c,
      ctx,
      { title: ctx.t('manage.reschedule.confirmTitle'), noindex: true },
      <div class="narrow">
        <BackLink ctx={ctx} href={`${base}/reschedule`} />
        <h1>{ctx.t('manage.reschedule.confirmTitle')}</h1>
        <h2>{ctx.t('manage.reschedule.before')}</h2>
        <VisitSummary
          ctx={ctx}
          visitType={v.visitType}
          location={v.location}
          provider={v.provider}
          startMs={a.startsAt.getTime()}
        />
        <h2>{ctx.t('manage.reschedule.after')}</h2>
        <VisitSummary
          ctx={ctx}
          visitType={visitType}
          location={location}
          provider={provider}
          startMs={startMs}
        />
        {a.assessmentId ? <p>{ctx.t('manage.reschedule.intakeKept')}</p> : null}
        <LanguageNotice ctx={ctx} provider={provider} />
        <form method="post" action={`${base}/reschedule/confirm`}>
          {Object.entries(target).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <button class="button" type="submit">
            {ctx.t('manage.reschedule.confirm')}
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

  pages.post('/appointments/manage/:token/reschedule/confirm', async (c) => {
    const { token, a } = await load(c, { auditSuccess: false });
    if (!a) return notFound(c);
    const ctx = await contextFor(c, site);
    const base = ctx.href(`/appointments/manage/${token}`);
    const form = await c.req.parseBody();
    const field = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : undefined);
    const to = {
      start: field('start') ?? '',
      visitType: field('visitType'),
      location: field('location'),
      provider: field('provider'),
    };
    try {
      await rescheduleAppointment(requestCommandContext(c, s, 'patient'), a, to, token);
    } catch (error) {
      if (error instanceof SchedulingRefused || error instanceof ValidationFailed) {
        // Back to the same choice, with the notice that the time is gone.
        const d = await s.directory.get();
        // Slugs only into the redirect's address (never a posted megabyte or a line break).
        const target = moveTargetOf(d, a, {
          start: '',
          visitType: slugOnly(to.visitType),
          location: slugOnly(to.location),
          provider: slugOnly(to.provider),
        });
        const choice = { visitType: target.visitType, location: target.location, provider: target.provider };
        return c.redirect(`${base}/reschedule${queryString({ taken: '1', ...choiceQuery(choice) })}`, 303);
      }
      throw error;
    }
    return c.redirect(`${base}?moved=1`, 303);
  });

  return pages;
}

/** The GET form that changes clinician, clinic or visit type; the times below follow it. */
function ChangeForm({
  ctx,
  d,
  base,
  choice,
  allowed,
  errors,
  intake,
}: {
  ctx: PageContext;
  d: Directory;
  base: string;
  choice: MoveChoice;
  allowed: Directory['visitTypes'];
  errors: FormError[];
  intake: boolean;
}) {
  const { t, locale } = ctx;
  const visitError = errors.find((e) => e.href === 'visitType')?.message;
  const providerError = errors.find((e) => e.href === 'provider')?.message;
  return (
    <form method="get" action={`${base}/reschedule`} novalidate>
      <input type="hidden" name="change" value="1" />
      {intake ? <p class="hint">{t('manage.reschedule.intakeKept')}</p> : null}
      <div class={visitError ? 'form-group has-error' : 'form-group'}>
        <label class="label" for="visitType">
          {t('book.visitType')}
        </label>
        <ErrorMessage ctx={ctx} id="visitType-error" message={visitError} />
        <select
          class="input"
          id="visitType"
          name="visitType"
          aria-describedby={visitError ? 'visitType-error' : undefined}
        >
          {allowed.map((x) => (
            <option value={x.slug} selected={choice.visitType === x.slug}>
              {x.name[locale]} ({t('clinics.minutes', { minutes: x.durationMinutes })})
            </option>
          ))}
        </select>
      </div>
      {/* Only the clinicians who offer the chosen visit type (the visit's own, at first). */}
      <ClinicAndClinician
        ctx={ctx}
        d={{ ...d, providers: d.providers.filter((p) => p.visitTypes.includes(choice.visitType)) }}
        choice={choice}
        error={providerError}
      />
      <button class="button secondary" type="submit">
        {t('manage.reschedule.show')}
      </button>
    </form>
  );
}
