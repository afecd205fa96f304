/**
 * Booking on the web, without JavaScript: choose visit type, clinic and clinician and a time
 * (booking-search-page.tsx), give your details, check, confirm. The confirm form carries its own
 * idempotency key, so a double click or a resubmitted form books once.
 */
import { SchedulingRefused } from './refusals.js';
import type { Directory } from '../directory/index.js';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../platform/http/request-context.js';
import { requestCommandContext } from './command-context.js';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../platform/http/app-env.js';
import { ValidationFailed } from '../platform/http/problem.js';
import { dateInZone, longDate } from '../platform/i18n/format.js';
import type { FormError } from '../platform/views/forms.js';
import { titleWithErrors } from '../platform/views/forms.js';
import type { PageContext } from '../platform/views/page-context.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { patientSchema } from './appointment-api.js';
import { bookAppointment } from './booking-service.js';
import { resolveSearch, searchSlots } from './slot-search.js';
import { type Actor, type Scheduling } from './scheduling.js';
import {
  BackLink,
  DetailsForm,
  LanguageNotice,
  ErrorSummary,
  PATIENT_FIELDS,
  birthDateError,
  birthDateFromForm,
  patientValues,
  queryString,
  slugOnly,
  VisitSummary,
} from './booking-views.js';
import type { Patient } from './scheduling-store.js';
import { likelyDuplicate } from './duplicate-visits.js';
import { clearHandedIntake, handedIntakeToken } from './intake-handoff.js';
import { bookingSearchRoute } from './booking-search-page.js';

/** The posted fields a language switch carries over: the chosen time and the typed details. */
function keptFields(f: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = { edit: '1' };
  for (const k of ['visitType', 'location', 'provider', 'start', ...PATIENT_FIELDS])
    if (f[k] !== undefined) kept[k] = f[k]!;
  const birthDate = birthDateFromForm(f);
  if (birthDate) kept.birthDate = birthDate;
  return kept;
}

/** Today in UTC: a day ahead of the Americas at most, as the booking schema's own check. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

export interface Intake {
  assessmentId: string;
  token: string;
  disposition: string;
}

export interface BookingPagesDeps {
  scheduling: Scheduling;
  site: Site;
  /** Reads the self-check attached through the intake cookie (audited by the self-check). */
  intakeFromToken: (token: string, actor: Actor) => Promise<Intake | undefined>;
}

/** One message per refused field, in the form's order; the date of birth says what is wrong with it. */
export function patientErrors(
  ctx: PageContext,
  issues: { path: PropertyKey[] }[],
  values: Patient,
  today: string,
): FormError[] {
  const fields = [...new Set(issues.map((i) => String(i.path[0])))].filter(
    (f): f is (typeof PATIENT_FIELDS)[number] => (PATIENT_FIELDS as readonly string[]).includes(f),
  );
  return PATIENT_FIELDS.filter((f) => fields.includes(f)).map((f) => ({
    href: f,
    message: ctx.t(f === 'birthDate' ? birthDateError(values.birthDate, today) : `book.error.${f}`),
  }));
}

export function bookingPages({ scheduling, site, intakeFromToken }: BookingPagesDeps): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  // Text reminders only where a gateway can send them; a stale form's "yes" is ignored otherwise.
  const wantsSms = (f: Record<string, string | undefined>) =>
    scheduling.smsAvailable && f.smsReminders === 'yes';

  const intakeOf = async (c: Context<AppEnv>) => {
    const token = handedIntakeToken(c);
    return token ? intakeFromToken(token, actorOf(c, 'patient')) : undefined;
  };

  bookingSearchRoute(pages, { scheduling, site, intakeOf });

  /** The chosen slot from query or form fields, still free; undefined when it is not (any more). */
  const chosenSlot = async (d: Directory, f: Record<string, string | undefined>) => {
    const location = d.locations.find((l) => l.slug === f.location);
    if (!location || !f.start) return undefined;
    let startMs: number;
    try {
      startMs = Temporal.Instant.from(f.start).epochMilliseconds;
    } catch {
      return undefined;
    }
    const day = dateInZone(startMs, location.timeZone);
    try {
      const r = resolveSearch(d, {
        visitType: f.visitType,
        location: f.location,
        provider: f.provider,
        from: day,
        to: day,
      });
      const slots = await searchSlots(scheduling, {
        visitType: f.visitType,
        location: f.location,
        provider: f.provider,
        from: day,
        to: day,
      });
      const slot = slots.find((s) => s.startMs === startMs);
      return slot ? { slot, visitType: r.visitType, location, provider: r.providers[0]! } : undefined;
    } catch (error) {
      if (error instanceof ValidationFailed) return undefined;
      throw error;
    }
  };

  const backToTimes = (ctx: PageContext, f: Record<string, string | undefined>, taken = true) =>
    ctx.href('/book') +
    queryString({
      visitType: slugOnly(f.visitType),
      location: slugOnly(f.location),
      provider: slugOnly(f.provider),
      taken: taken ? '1' : undefined,
    }) +
    '#times';

  const renderDetails = async (
    c: Context<AppEnv>,
    ctx: PageContext,
    f: Record<string, string | undefined>,
    values: Partial<Patient>,
    errors: FormError[],
  ) => {
    const d = await scheduling.directory.get();
    const chosen = await chosenSlot(d, f);
    if (!chosen) return c.redirect(backToTimes(ctx, f), 303);
    const hidden = { visitType: f.visitType!, location: f.location!, provider: f.provider!, start: f.start! };
    return renderPage(
      c,
      ctx,
      {
        title: titleWithErrors(ctx, ctx.t('book.details.title'), errors),
        noindex: true,
        status: errors.length ? 422 : 200,
      },
      <div class="narrow">
        <BackLink ctx={ctx} href={backToTimes(ctx, f, false)} />
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{ctx.t('book.details.title')}</h1>
        <h2>{ctx.t('book.details.chosen')}</h2>
        <VisitSummary
          ctx={ctx}
          visitType={chosen.visitType}
          location={chosen.location}
          provider={chosen.provider}
          startMs={chosen.slot.startMs}
        />
        <LanguageNotice ctx={ctx} provider={chosen.provider} />
        <p>
          <a class="standalone-link" href={backToTimes(ctx, f, false)}>
            {ctx.t('book.details.changeTime')}
          </a>
        </p>
        <DetailsForm
          ctx={ctx}
          action={ctx.href('/book/details')}
          values={values}
          errors={errors}
          hidden={hidden}
          smsReminders={wantsSms(f)}
          offerSms={scheduling.smsAvailable}
        />
      </div>,
    );
  };

  pages.get('/book/details', async (c) => {
    const ctx = await contextFor(c, site);
    return renderDetails(c, ctx, c.req.query(), {}, []);
  });

  const formFields = async (c: Context) => {
    const body = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
    ) as Record<string, string | undefined>;
  };

  pages.post('/book/details', async (c) => {
    const ctx = await contextFor(c, site);
    const f = await formFields(c);
    const values = patientValues(f);
    // Switching language re-opens this step in the other language with everything typed so far.
    ctx.switchFields = { ...keptFields(f), ...(wantsSms(f) ? { smsReminders: 'yes' } : {}) };
    if (f.edit === '1') return renderDetails(c, ctx, f, values, []);
    const parsed = patientSchema.safeParse(values);
    if (!parsed.success)
      return renderDetails(c, ctx, f, values, patientErrors(ctx, parsed.error.issues, values, todayUtc()));
    const d = await scheduling.directory.get();
    const chosen = await chosenSlot(d, f);
    if (!chosen) return c.redirect(backToTimes(ctx, f), 303);
    const intake = await intakeOf(c);
    // Someone we know who already has a visit then (or the same visit soon) is asked first.
    const duplicate = await likelyDuplicate(requestCommandContext(c, scheduling, 'patient'), parsed.data, {
      providerId: chosen.provider.id,
      visitTypeId: chosen.visitType.id,
      startMs: chosen.slot.startMs,
      endMs: chosen.slot.endMs,
    });
    const hidden = {
      visitType: f.visitType!,
      location: f.location!,
      provider: f.provider!,
      start: f.start!,
      ...parsed.data,
      ...(wantsSms(f) ? { smsReminders: 'yes' } : {}),
    };
    const row = (label: string, value: string) => (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    );
    return renderPage(
      c,
      ctx,
      { title: ctx.t('book.check.title'), noindex: true },
      <div class="narrow">
        <h1>{ctx.t('book.check.title')}</h1>
        <VisitSummary
          ctx={ctx}
          visitType={chosen.visitType}
          location={chosen.location}
          provider={chosen.provider}
          startMs={chosen.slot.startMs}
          extra={
            <>
              {row(ctx.t('book.row.name'), `${parsed.data.givenName} ${parsed.data.familyName}`)}
              {row(ctx.t('book.row.birthDate'), longDate(ctx.locale, parsed.data.birthDate))}
              {row(ctx.t('book.row.contact'), `${parsed.data.email}, ${parsed.data.phone}`)}
              {scheduling.smsAvailable
                ? row(ctx.t('book.row.sms'), wantsSms(f) ? ctx.t('sc.yes') : ctx.t('sc.no'))
                : null}
            </>
          }
        />
        <LanguageNotice ctx={ctx} provider={chosen.provider} />
        {intake ? <p class="notice">{ctx.t('book.intake')}</p> : null}
        {duplicate ? (
          <div class="inset-warning" role="status">
            <p>
              <strong>{ctx.t('book.duplicate.found')}</strong>
            </p>
            <p>{ctx.t('book.duplicate.check')}</p>
          </div>
        ) : null}
        <form method="post" action={ctx.href('/book/confirm')}>
          {Object.entries({ ...hidden, idempotencyKey: randomUUID() }).map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
          <button class="button" type="submit">
            {ctx.t(duplicate ? 'book.duplicate.confirm' : 'book.check.confirm')}
          </button>
        </form>
        <form method="post" action={ctx.href('/book/details')}>
          {Object.entries({ ...hidden, edit: '1' }).map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
          <button class="button secondary" type="submit">
            {ctx.t('book.check.changeDetails')}
          </button>
        </form>
        <p>
          <a class="standalone-link" href={backToTimes(ctx, f, false)}>
            {ctx.t('book.details.changeTime')}
          </a>
        </p>
      </div>,
    );
  });

  pages.post('/book/confirm', async (c) => {
    const ctx = await contextFor(c, site);
    const f = await formFields(c);
    // Switching language here re-opens the details step (it must never post the booking again).
    ctx.switchFields = { ...keptFields(f), ...(wantsSms(f) ? { smsReminders: 'yes' } : {}) };
    ctx.switchPath = '/book/details';
    const values = patientValues(f);
    const parsed = patientSchema.safeParse(values);
    if (!parsed.success)
      return renderDetails(c, ctx, f, values, patientErrors(ctx, parsed.error.issues, values, todayUtc()));
    const intake = await intakeOf(c);
    try {
      const booked = await bookAppointment(
        requestCommandContext(c, scheduling, 'patient'),
        {
          visitType: f.visitType ?? '',
          location: f.location ?? '',
          provider: f.provider ?? '',
          start: f.start ?? '',
          patient: parsed.data,
          language: ctx.locale,
          smsReminders: wantsSms(f),
          ...(intake && intake.disposition !== 'emergency'
            ? { verifiedIntake: { assessmentId: intake.assessmentId, disposition: intake.disposition } }
            : {}),
        },
        f.idempotencyKey && f.idempotencyKey.length >= 8 ? f.idempotencyKey : undefined,
      );
      clearHandedIntake(c, scheduling.publicUrl.startsWith('https://'));
      return c.redirect(ctx.href(`/appointments/manage/${booked.manageToken}`) + '?booked=1', 303);
    } catch (error) {
      if (error instanceof SchedulingRefused) return c.redirect(backToTimes(ctx, f), 303);
      if (error instanceof ValidationFailed) return c.redirect(backToTimes(ctx, f), 303);
      throw error;
    }
  });

  return pages;
}
