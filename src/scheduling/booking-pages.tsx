/**
 * Booking on the web, without JavaScript: choose visit type, clinic and clinician (GET form),
 * pick a time, give your details, check, confirm. The confirm form carries its own
 * idempotency key, so a double click or a resubmitted form books once.
 */
import { SchedulingRefused } from './refusals.js';
import {
  byDistance,
  homeZone,
  timesNote,
  ZIP_PATTERN,
  zipCentre,
  type Directory,
} from '../directory/index.js';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../platform/http/request-context.js';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../platform/http/app-env.js';
import { ValidationFailed } from '../platform/http/problem.js';
import { dateInZone, dayInZone, longDate, pageDate, timeInZone } from '../platform/i18n/format.js';
import { chosenDay, DayPicker, DayTimes, daysOf } from './day-picker.js';
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
  ErrorSummary,
  FindForm,
  PATIENT_FIELDS,
  birthDateError,
  birthDateFromForm,
  patientValues,
  queryString,
  VisitSummary,
  type Choice,
} from './booking-views.js';
import type { Patient } from './scheduling-store.js';
import type { Slot } from './slots.js';
import { likelyDuplicate } from './duplicate-visits.js';
import { clearHandedIntake, handedIntakeToken } from './intake-handoff.js';

/** Said before confirming: the clinician does not speak the language of this booking. */
function LanguageNotice({
  ctx,
  provider,
}: {
  ctx: PageContext;
  provider: { displayName: string; languages: string[] };
}) {
  if (provider.languages.includes(ctx.locale)) return null;
  return <p class="notice">{ctx.t('book.language.notice', { provider: provider.displayName })}</p>;
}

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

const WEEK = 7;
const LOOKAHEAD = 31;

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

  pages.get('/book', async (c) => {
    const ctx = await contextFor(c, site);
    const d = await scheduling.directory.get();
    const q = c.req.query();
    const intake = await intakeOf(c);
    const urgent = intake?.disposition === 'urgent';
    const sameDay = d.network.selfCheckVisitTypes.sameDay;
    const choice: Choice = {
      visitType: q.visitType ?? (urgent ? sameDay : undefined),
      location: q.location || undefined,
      provider: q.provider || undefined,
      zip: (q.zip ?? '').trim().slice(0, 10) || undefined,
      speaks: q.speaks === 'es' ? 'es' : undefined,
    };
    // "Only clinicians who speak Spanish": the times of the others are left out.
    const speaking = (slots: Slot[]) =>
      choice.speaks
        ? slots.filter((x) => d.providers.find((p) => p.slug === x.provider)?.languages.includes('es'))
        : slots;
    const errors: FormError[] = [];
    // A ZIP code orders the clinics by distance (nothing else changes; it is not stored).
    let nearest: { slug: string; miles: number | undefined }[] | undefined;
    if (choice.zip) {
      const centre = ZIP_PATTERN.test(choice.zip) ? await zipCentre(choice.zip) : undefined;
      if (!ZIP_PATTERN.test(choice.zip))
        errors.push({ href: 'zip', message: ctx.t('clinics.zip.errorFormat') });
      else if (!centre)
        errors.push({ href: 'zip', message: ctx.t('clinics.zip.errorUnknown', { zip: choice.zip }) });
      else nearest = byDistance(d.locations, centre).map((x) => ({ slug: x.location.slug, miles: x.miles }));
    }
    let results:
      | { days: ReturnType<typeof daysOf>; day: string | undefined; from: string; nextNote?: string }
      | undefined;

    if (intake?.disposition === 'emergency') {
      return renderPage(
        c,
        ctx,
        { title: ctx.t('book.title') },
        <div class="narrow">
          <h1>{ctx.t('book.title')}</h1>
          <div class="inset-warning">
            <p>
              <strong>{ctx.t('book.emergency')}</strong>
            </p>
            <p>
              <a class="call-911-inline" href="tel:911">
                911
              </a>
            </p>
          </div>
        </div>,
      );
    }

    if (choice.visitType || q.find !== undefined) {
      try {
        const today = dateInZone(scheduling.now().getTime(), homeZone(ctx));
        const from = pageDate(q.date, today);
        const week = Temporal.PlainDate.from(from)
          .add({ days: WEEK - 1 })
          .toString();
        const search = { visitType: choice.visitType, location: choice.location, provider: choice.provider };
        let slots = speaking(await searchSlots(scheduling, { ...search, from, to: week }));
        let shownFrom = from;
        let nextNote: string | undefined;
        if (slots.length === 0) {
          const later = speaking(
            await searchSlots(scheduling, {
              ...search,
              from,
              to: Temporal.PlainDate.from(from)
                .add({ days: LOOKAHEAD - 1 })
                .toString(),
            }),
          );
          if (later.length) {
            const first = later[0]!;
            const zone = d.locations.find((l) => l.slug === first.location)!.timeZone;
            shownFrom = dateInZone(first.startMs, zone);
            const until = Temporal.PlainDate.from(shownFrom)
              .add({ days: WEEK - 1 })
              .toString();
            slots = later.filter((s) => dateInZone(s.startMs, zone) <= until);
            nextNote = ctx.t('book.times.next', {
              when: `${dayInZone(ctx.locale, first.startMs, zone)}, ${timeInZone(ctx.locale, first.startMs, zone)}`,
            });
          }
        }
        // The week as a row of days with their counts; only the chosen day's times are listed.
        const days = daysOf(slots, shownFrom, WEEK);
        results = { days, day: chosenDay(days, q.day)?.date, from: shownFrom, nextNote };
      } catch (error) {
        if (!(error instanceof ValidationFailed)) throw error;
        for (const e of error.errors) {
          if (e.field === 'visitType')
            errors.push({ href: 'visitType', message: ctx.t('book.error.visitType') });
          else if (e.field === 'provider' || e.field === 'location')
            errors.push({ href: 'provider', message: ctx.t('book.error.combination') });
        }
      }
    }

    // An urgent self-check result: today's free times at every clinic come first.
    const todaySlots =
      urgent && sameDay
        ? await searchSlots(scheduling, {
            visitType: sameDay,
            from: dateInZone(scheduling.now().getTime(), homeZone(ctx)),
            to: dateInZone(scheduling.now().getTime(), homeZone(ctx)),
          })
        : undefined;
    const base = {
      visitType: choice.visitType,
      location: choice.location,
      provider: choice.provider,
      zip: nearest ? choice.zip : undefined,
      speaks: choice.speaks,
    };
    const shift = (days: number) => Temporal.PlainDate.from(results!.from).add({ days }).toString();
    const today = dateInZone(scheduling.now().getTime(), homeZone(ctx));
    const title = titleWithErrors(ctx, ctx.t('book.title'), errors);
    return renderPage(
      c,
      ctx,
      { title, status: errors.length ? 422 : 200 },
      <div>
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{ctx.t('book.title')}</h1>
        <p class="lead narrow">
          {ctx.t('book.lead')} {timesNote(d, ctx.locale, ctx.t)}
        </p>
        {q.taken ? (
          <div class="notice" role="status">
            {ctx.t('book.taken')}
          </div>
        ) : null}
        {intake ? <p class="notice">{ctx.t(urgent ? 'book.urgent' : 'book.intake')}</p> : null}
        {todaySlots ? (
          <section aria-labelledby="today-heading" id="today">
            <h2 id="today-heading">{ctx.t('book.today.heading')}</h2>
            {todaySlots.length === 0 ? <p class="inset-warning">{ctx.t('book.today.none')}</p> : null}
            <DayTimes
              ctx={ctx}
              d={d}
              slots={todaySlots}
              choose={(s) =>
                ctx.href('/book/details') +
                queryString({
                  visitType: s.visitType,
                  location: s.location,
                  provider: s.provider,
                  start: s.start,
                })
              }
            />
          </section>
        ) : null}
        <div class="narrow">
          <FindForm ctx={ctx} d={d} choice={choice} errors={errors} />
        </div>
        {results ? (
          <section aria-labelledby="times-heading" id="times">
            <h2 id="times-heading">{ctx.t('book.times.heading')}</h2>
            {results.nextNote ? <p>{results.nextNote}</p> : null}
            {results.day === undefined ? <p>{ctx.t('book.times.none', { days: LOOKAHEAD })}</p> : null}
            <DayPicker
              ctx={ctx}
              days={results.days}
              selected={results.day}
              href={(day) =>
                ctx.href('/book') + queryString({ ...base, date: results!.from, day }) + '#times'
              }
            />
            {results.day ? (
              <>
                <h3 class="dt-day">
                  {ctx.t('book.days.showing', { day: longDate(ctx.locale, results.day) })}
                </h3>
                <DayTimes
                  ctx={ctx}
                  d={d}
                  headingLevel={4}
                  {...(nearest ? { nearest } : {})}
                  slots={results.days.find((x) => x.date === results!.day)!.slots}
                  choose={(s) =>
                    ctx.href('/book/details') +
                    queryString({
                      visitType: s.visitType,
                      location: s.location,
                      provider: s.provider,
                      start: s.start,
                    })
                  }
                />
              </>
            ) : null}
            <p>
              <a href={ctx.href('/book/waitlist') + queryString(base)}>{ctx.t('waitlist.link')}</a>
            </p>
            <p class="pager">
              {results.from > today ? (
                <a
                  href={
                    ctx.href('/book') +
                    queryString({ ...base, date: shift(-WEEK) < today ? today : shift(-WEEK) }) +
                    '#times'
                  }
                >
                  {ctx.t('book.times.earlier')}
                </a>
              ) : null}{' '}
              <a href={ctx.href('/book') + queryString({ ...base, date: shift(WEEK) }) + '#times'}>
                {ctx.t('book.times.later')}
              </a>
            </p>
          </section>
        ) : null}
      </div>,
    );
  });

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
      visitType: f.visitType,
      location: f.location,
      provider: f.provider,
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
          <a href={backToTimes(ctx, f, false)}>{ctx.t('book.details.changeTime')}</a>
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
    const duplicate = await likelyDuplicate(
      scheduling,
      parsed.data,
      {
        providerId: chosen.provider.id,
        visitTypeId: chosen.visitType.id,
        startMs: chosen.slot.startMs,
        endMs: chosen.slot.endMs,
      },
      actorOf(c, 'patient'),
    );
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
          <a href={backToTimes(ctx, f, false)}>{ctx.t('book.details.changeTime')}</a>
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
        scheduling,
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
        actorOf(c, 'patient'),
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
