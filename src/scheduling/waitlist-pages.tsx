/** Joining and leaving the waiting list, and taking an offered time, from private links. */
import { SchedulingRefused } from './refusals.js';
import { homeZone, type Directory, locationById, providerById, visitTypeById } from '../directory/index.js';
import type { PageContext } from '../platform/views/page-context.js';
import type { WaitlistEntry } from './waitlist-store.js';
import type { Context } from 'hono';
import { requestCommandContext } from './command-context.js';
import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../platform/http/app-env.js';
import { ValidationFailed } from '../platform/http/problem.js';
import { dateInZone, dayInZone, isRealDate, longDate, timeInZone } from '../platform/i18n/format.js';
import { TOKEN_PATTERN } from '../platform/tokens.js';
import type { FormError } from '../platform/views/forms.js';
import { titleWithErrors } from '../platform/views/forms.js';
import { DateBoxes, dateExample, dateFromBoxes, hasAllParts } from '../platform/views/date-boxes.js';
import type { MessageKey } from '../platform/i18n/i18n.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { patientSchema } from './appointment-api.js';
import type { Scheduling } from './scheduling.js';
import {
  BackLink,
  birthDateError,
  DetailsForm,
  ErrorSummary,
  PATIENT_FIELDS,
  patientValues,
  queryString,
} from './booking-views.js';
import type { Patient } from './scheduling-store.js';
import { joinWaitlist, leaveWaitlist, readEntry, readOffer, takeOffer } from './waitlist.js';

/** What a waiting-list entry waits for, in the page's language: visit, clinic, clinician, dates. */
function WaitingFor({ ctx, d, entry }: { ctx: PageContext; d: Directory; entry: WaitlistEntry }) {
  const visitType = visitTypeById(d, entry.visitTypeId);
  const location = locationById(d, entry.locationId);
  const provider = entry.providerId ? providerById(d, entry.providerId) : undefined;
  const row = (label: string, value: string | undefined) =>
    value ? (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;
  return (
    <>
      <h2>{ctx.t('waitlist.for.heading')}</h2>
      <dl class="summary-list">
        {row(ctx.t('waitlist.for.visit'), visitType?.name[ctx.locale])}
        {row(ctx.t('waitlist.for.clinic'), location?.name)}
        {row(ctx.t('waitlist.for.clinician'), provider?.displayName ?? ctx.t('book.provider.any'))}
        {row(
          ctx.t('waitlist.for.dates'),
          ctx.t('waitlist.for.range', {
            from: longDate(ctx.locale, entry.earliest),
            to: longDate(ctx.locale, entry.latest),
          }),
        )}
      </dl>
    </>
  );
}

/** The two dates from their boxes (or typed whole, as the language switch and old links send them). */
const waitDates = (f: Record<string, string | undefined>) => ({
  from: dateFromBoxes(f, 'from', 'from'),
  to: dateFromBoxes(f, 'to', 'to'),
});

/** Which message a refused date gets: missing a part, impossible, or outside the allowed range. */
function dateErrorKey(field: 'from' | 'to', value: string): MessageKey {
  if (!hasAllParts(value))
    return field === 'from' ? 'waitlist.error.fromMissing' : 'waitlist.error.toMissing';
  if (!isRealDate(value)) return 'waitlist.error.impossible';
  return field === 'from' ? 'waitlist.error.from' : 'waitlist.error.to';
}

export function waitlistPages(s: Scheduling, site: Site): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();

  const form = async (c: Context<AppEnv>, f: Record<string, string | undefined>, errors: FormError[]) => {
    const ctx = await contextFor(c, site);
    // After a post, switching language re-opens this form in the other language, as typed.
    if (c.req.method === 'POST')
      ctx.switchFields = {
        ...Object.fromEntries(Object.entries(f).filter((e): e is [string, string] => e[1] !== undefined)),
        edit: '1',
      };
    const d = await s.directory.get();
    const today = dateInZone(s.now().getTime(), homeZone(d));
    const example = dateExample(ctx, Temporal.PlainDate.from(today).add({ days: 7 }).toString());
    const dates = waitDates(f);
    const fromError = errors.find((e) => e.href === 'from')?.message;
    const toError = errors.find((e) => e.href === 'to')?.message;
    const locError = errors.find((e) => e.href === 'location')?.message;
    const values: Partial<Patient> = patientValues(f);
    return renderPage(
      c,
      ctx,
      {
        title: titleWithErrors(ctx, ctx.t('waitlist.title'), errors),
        noindex: true,
        status: errors.length ? 422 : 200,
      },
      <div class="narrow">
        <BackLink
          ctx={ctx}
          href={
            ctx.href('/book') +
            queryString({ visitType: f.visitType, location: f.location, provider: f.provider })
          }
        />
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{ctx.t('waitlist.title')}</h1>
        <p>{ctx.t('waitlist.lead', { hours: Math.round(s.waitlistOfferMinutes / 60) })}</p>
        <form method="post" action={ctx.href('/book/waitlist')} novalidate>
          <input type="hidden" name="visitType" value={f.visitType ?? ''} />
          <input type="hidden" name="provider" value={f.provider ?? ''} />
          <div class={locError ? 'form-group has-error' : 'form-group'}>
            <label class="label" for="location">
              {ctx.t('book.location')}
            </label>
            {locError ? (
              <p id="location-error" class="error-message">
                <span class="visually-hidden">{ctx.t('sc.errorPrefix')}</span> {locError}
              </p>
            ) : null}
            <select class="input" id="location" name="location">
              {d.locations.map((l) => (
                <option value={l.slug} selected={f.location === l.slug}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          {(['from', 'to'] as const).map((k) => (
            <DateBoxes
              ctx={ctx}
              id={k}
              prefix={k}
              legend={ctx.t(k === 'from' ? 'waitlist.from' : 'waitlist.to')}
              hint={ctx.t('waitlist.dateHint', { example })}
              value={dates[k] || (k === 'from' ? today : '')}
              error={k === 'from' ? fromError : toError}
            />
          ))}
          <DetailsFields ctx={ctx} values={values} errors={errors} />
          <button class="button" type="submit">
            {ctx.t('waitlist.submit')}
          </button>
        </form>
      </div>,
    );
  };

  pages.get('/book/waitlist', (c) => form(c, c.req.query(), []));

  pages.post('/book/waitlist', async (c) => {
    const ctx = await contextFor(c, site);
    const body = await c.req.parseBody();
    const f = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : undefined]),
    ) as Record<string, string | undefined>;
    // The language switch posts the form again only to show it in the other language.
    if (f.edit === '1') return form(c, { ...f, edit: undefined }, []);
    const patient = patientValues(f);
    const dates = waitDates(f);
    const errors: FormError[] = [];
    const parsed = patientSchema.safeParse(patient);
    if (!parsed.success) {
      const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      for (const k of PATIENT_FIELDS)
        if (bad.has(k))
          errors.push({
            href: k,
            message: ctx.t(
              k === 'birthDate'
                ? birthDateError(patient.birthDate, new Date().toISOString().slice(0, 10))
                : `book.error.${k}`,
            ),
          });
    }
    try {
      if (errors.length === 0) {
        const { token } = await joinWaitlist(requestCommandContext(c, s, 'patient'), {
          visitType: f.visitType ?? '',
          location: f.location ?? '',
          provider: f.provider || undefined,
          from: dates.from,
          to: dates.to,
          patient: parsed.data!,
          language: ctx.locale,
        });
        return c.redirect(ctx.href(`/waitlist/${token}`) + '?joined=1', 303);
      }
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      for (const e of error.errors) {
        if (e.field === 'from' || e.field === 'to')
          errors.push({ href: e.field, message: ctx.t(dateErrorKey(e.field, dates[e.field])) });
        else if (e.field === 'location')
          errors.push({ href: 'location', message: ctx.t('waitlist.error.location') });
        else errors.push({ href: 'location', message: ctx.t('book.error.combination') });
      }
    }
    return form(c, f, errors);
  });

  pages.get('/waitlist/:token', async (c) => {
    const ctx = await contextFor(c, site);
    const token = c.req.param('token') ?? '';
    const entry = TOKEN_PATTERN.test(token)
      ? await readEntry(requestCommandContext(c, s, 'patient'), token)
      : undefined;
    if (!entry) {
      return renderPage(
        c,
        ctx,
        { title: ctx.t('manage.notFound.title'), status: 404, noindex: true },
        <div class="narrow">
          <h1>{ctx.t('manage.notFound.title')}</h1>
          <p>{ctx.t('manage.notFound.body')}</p>
        </div>,
      );
    }
    const joined = c.req.query('joined') && entry.status === 'waiting';
    const title = joined ? ctx.t('waitlist.joined.title') : ctx.t('waitlist.status.title');
    return renderPage(
      c,
      ctx,
      { title, noindex: true },
      <div class="narrow">
        {joined ? (
          <div class="result-panel self-care" role="status">
            <h1>{title}</h1>
          </div>
        ) : (
          <h1>{title}</h1>
        )}
        <WaitingFor ctx={ctx} d={await s.directory.get()} entry={entry} />
        {joined ? (
          <p>
            {ctx.t('waitlist.joined.body', {
              // Joining online asks for an email address; a record corrected since may have only a phone.
              email: entry.patient.email ?? entry.patient.phone ?? '',
              from: longDate(ctx.locale, entry.earliest),
              to: longDate(ctx.locale, entry.latest),
            })}
          </p>
        ) : (
          <p>{ctx.t(`waitlist.status.${entry.status}`)}</p>
        )}
        {entry.status === 'closed' ? (
          <p>
            <a class="button" href={ctx.href('/book')}>
              {ctx.t('book.title')}
            </a>
          </p>
        ) : null}
        {entry.status === 'waiting' || entry.status === 'offered' ? (
          <form method="post" action={ctx.href(`/waitlist/${token}/leave`)}>
            <button class="button secondary" type="submit">
              {ctx.t('waitlist.leave')}
            </button>
          </form>
        ) : null}
        <p class="notice">{ctx.t('manage.keep')}</p>
      </div>,
    );
  });

  pages.post('/waitlist/:token/leave', async (c) => {
    const ctx = await contextFor(c, site);
    const token = c.req.param('token') ?? '';
    const entry = TOKEN_PATTERN.test(token)
      ? await readEntry(requestCommandContext(c, s, 'patient'), token)
      : undefined;
    if (entry && (entry.status === 'waiting' || entry.status === 'offered'))
      await leaveWaitlist(requestCommandContext(c, s, 'patient'), entry);
    return c.redirect(ctx.href(`/waitlist/${token}`), 303);
  });

  const offerPage = async (c: Context<AppEnv>, method: 'GET' | 'POST') => {
    const ctx = await contextFor(c, site);
    const token = c.req.param('token') ?? '';
    const offer = TOKEN_PATTERN.test(token)
      ? await readOffer(requestCommandContext(c, s, 'patient'), token)
      : undefined;
    const gone = () =>
      renderPage(
        c,
        ctx,
        { title: ctx.t('waitlist.offer.title'), status: offer ? 410 : 404, noindex: true },
        <div class="narrow">
          <h1>{ctx.t('waitlist.offer.title')}</h1>
          <p>{ctx.t('waitlist.offer.gone')}</p>
          <p>
            <a class="button" href={ctx.href('/book')}>
              {ctx.t('book.title')}
            </a>
          </p>
        </div>,
      );
    if (!offer || !offer.open) return gone();
    if (method === 'POST') {
      try {
        const booked = await takeOffer(requestCommandContext(c, s, 'patient'), offer.entry);
        return c.redirect(ctx.href(`/appointments/manage/${booked.manageToken}`) + '?booked=1', 303);
      } catch (error) {
        if (error instanceof SchedulingRefused || error instanceof ValidationFailed) return gone();
        throw error;
      }
    }
    const d = await s.directory.get();
    const e = offer.entry;
    const location = locationById(d, e.locationId)!;
    const provider = providerById(d, e.offerProviderId)!;
    const when = (ms: number) =>
      `${dayInZone(ctx.locale, ms, location.timeZone)}, ${timeInZone(ctx.locale, ms, location.timeZone)}`;
    return renderPage(
      c,
      ctx,
      { title: ctx.t('waitlist.offer.title'), noindex: true },
      <div class="narrow">
        <h1>{ctx.t('waitlist.offer.title')}</h1>
        <dl class="summary-list">
          <div>
            <dt>{ctx.t('book.row.when')}</dt>
            <dd>{when(e.offerStartsAt!.getTime())}</dd>
          </div>
          <div>
            <dt>{ctx.t('book.row.where')}</dt>
            <dd>
              {location.name}, {location.street}, {location.city}
            </dd>
          </div>
          <div>
            <dt>{ctx.t('book.row.who')}</dt>
            <dd>{provider.displayName}</dd>
          </div>
        </dl>
        <p>{ctx.t('waitlist.offer.body', { expires: when(e.offerExpiresAt!.getTime()) })}</p>
        <form method="post" action={ctx.href(`/waitlist/offer/${token}`)}>
          <button class="button" type="submit">
            {ctx.t('waitlist.offer.book')}
          </button>
        </form>
      </div>,
    );
  };
  pages.get('/waitlist/offer/:token', (c) => offerPage(c, 'GET'));
  pages.post('/waitlist/offer/:token', (c) => offerPage(c, 'POST'));

  return pages;
}

/** The patient fields of the booking form, without its own <form> wrapper. */
function DetailsFields(props: {
  ctx: Parameters<typeof DetailsForm>[0]['ctx'];
  values: Partial<Patient>;
  errors: FormError[];
}) {
  return (
    <DetailsForm
      {...props}
      action=""
      hidden={{}}
      fieldsOnly
      emailHint={props.ctx.t('waitlist.field.email.hint')}
    />
  );
}
