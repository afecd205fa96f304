/**
 * The first step of booking: choose the visit, clinic (or any clinic, nearest first for a ZIP
 * code) and clinician, then a day of the week and one of its times (day-picker.tsx). A GET form
 * and plain links, so it works without JavaScript. An urgent self-check result puts today's free
 * times at every clinic first; an emergency result offers no booking at all.
 */
import type { Context, Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { byDistance, homeZone, timesNote, ZIP_PATTERN, zipCentre } from '../directory/index.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { ValidationFailed } from '../platform/http/problem.js';
import { dateInZone, dayInSentence, longDate, pageDate, timeInZone } from '../platform/i18n/format.js';
import type { FormError } from '../platform/views/forms.js';
import { titleWithErrors } from '../platform/views/forms.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { ErrorSummary, FindForm, queryString, type Choice } from './booking-views.js';
import { chosenDay, DayPicker, DayTimes, daysOf } from './day-picker.js';
import type { Scheduling } from './scheduling.js';
import { searchSlots } from './slot-search.js';
import type { Slot } from './slots.js';

const WEEK = 7;
const LOOKAHEAD = 31;

export function bookingSearchRoute(
  pages: Hono<AppEnv>,
  {
    scheduling,
    site,
    intakeOf,
  }: {
    scheduling: Scheduling;
    site: Site;
    intakeOf: (c: Context<AppEnv>) => Promise<{ disposition: string } | undefined>;
  },
) {
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
              when: `${dayInSentence(ctx.locale, first.startMs, zone)}, ${timeInZone(ctx.locale, first.startMs, zone)}`,
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
    // A time's link: the details step with that time chosen.
    const detailsHref = (s: Slot) =>
      ctx.href('/book/details') +
      queryString({ visitType: s.visitType, location: s.location, provider: s.provider, start: s.start });
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
            <DayTimes ctx={ctx} d={d} slots={todaySlots} choose={detailsHref} />
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
                  choose={detailsHref}
                />
              </>
            ) : null}
            <p>
              <a class="standalone-link" href={ctx.href('/book/waitlist') + queryString(base)}>
                {ctx.t('waitlist.link')}
              </a>
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
}
