import { Hono } from 'hono';
import { tel } from '../platform/views/tel.js';
import type { Location, Provider } from './directory.js';
import { groupHours, providersAt, timesNote, visitTypesAt } from './directory.js';
import { openingStatusText } from './opening-status-view.js';
import { DirectionsLink } from './directions-link.js';
import { byDistance, ZIP_PATTERN, zipCentre } from './nearest.js';
import { ErrorMessage, ErrorSummary, titleWithErrors } from '../platform/views/forms.js';
import { INTL_LOCALE } from '../platform/i18n/i18n.js';
import type { DirectoryService } from './directory-service.js';
import { capitalize, clockTime, list, weekdayName, weekdayRange } from '../platform/i18n/format.js';
import type { PageContext } from '../platform/views/page-context.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { NotFound } from '../platform/http/problem.js';

function Address({ l }: { l: Location }) {
  return (
    <address>
      {l.street}
      <br />
      {l.city}, {l.region} {l.postalCode}
    </address>
  );
}

function Hours({ ctx, l }: { ctx: PageContext; l: Location }) {
  const groups = groupHours(l.hours);
  const openDays = new Set(l.hours.map((h) => h.weekday));
  return (
    <dl class="summary-list">
      {groups.map((g) => (
        <div>
          <dt>{weekdayRange(ctx.locale, g.from, g.to)}</dt>
          <dd>
            {clockTime(ctx.locale, g.opens)} – {clockTime(ctx.locale, g.closes)}
          </dd>
        </div>
      ))}
      {openDays.size < 7 ? (
        <div>
          <dt>{ctx.t('clinics.otherDays')}</dt>
          <dd></dd>
        </div>
      ) : null}
    </dl>
  );
}

function DemoTag({ ctx, show }: { ctx: PageContext; show: boolean }) {
  return show ? <span class="tag">{ctx.t('clinics.demo')}</span> : null;
}

function ZipForm({ ctx, zip, error }: { ctx: PageContext; zip: string; error?: string }) {
  return (
    <form method="get" action={ctx.href('/clinics')} class="narrow" novalidate>
      <div class={error ? 'form-group has-error' : 'form-group'}>
        <label class="label" for="zip">
          {ctx.t('clinics.zip.label')}
        </label>
        <div id="zip-hint" class="hint">
          {ctx.t('clinics.zip.hint')}
        </div>
        <ErrorMessage ctx={ctx} id="zip-error" message={error} />
        <input
          class="input width-5"
          id="zip"
          name="zip"
          type="text"
          inputmode="numeric"
          autocomplete="postal-code"
          spellcheck={false}
          value={zip}
          aria-describedby={error ? 'zip-hint zip-error' : 'zip-hint'}
        />
      </div>
      <button class="button secondary" type="submit">
        {ctx.t('clinics.zip.button')}
      </button>
    </form>
  );
}

function ClinicsList({
  ctx,
  clinics,
  now,
  zip,
  error,
}: {
  ctx: PageContext;
  clinics: { location: Location; miles?: number }[];
  now: Date;
  zip: string;
  error?: string;
}) {
  const miles = (m: number) => m.toLocaleString(INTL_LOCALE[ctx.locale], { maximumFractionDigits: 1 });
  const sorted = clinics.some((c) => c.miles !== undefined);
  return (
    <>
      <ErrorSummary ctx={ctx} errors={error ? [{ href: 'zip', message: error }] : []} />
      <h1>{ctx.t('clinics.title')}</h1>
      <p class="lead narrow">{timesNote({ locations: clinics.map((c) => c.location) }, ctx.locale, ctx.t)}</p>
      <ZipForm ctx={ctx} zip={zip} error={error} />
      {sorted ? <p>{ctx.t('clinics.zip.nearest', { zip })}</p> : null}
      <ul class="cards">
        {clinics.map(({ location: l, miles: m }) => (
          <li class="card">
            <h2>
              <a href={ctx.href(`/clinics/${l.slug}`)}>{l.name}</a>
            </h2>
            {m !== undefined ? (
              <p class="distance">{ctx.t('clinics.zip.miles', { miles: miles(m) })}</p>
            ) : null}
            <Address l={l} />
            <p>
              <a href={tel(l.phone)}>{l.phone}</a> <DemoTag ctx={ctx} show={l.isDemo} />
            </p>
            <p class="open-status">{openingStatusText(ctx, l, now)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function ClinicPage({
  ctx,
  l,
  providers,
  visitTypes,
  now,
}: {
  ctx: PageContext;
  l: Location;
  now: Date;
  providers: Provider[];
  visitTypes: { slug: string; name: string; minutes: number; description: string }[];
}) {
  return (
    <div class="narrow">
      <h1>{l.name}</h1>
      {l.isDemo ? (
        <p>
          <DemoTag ctx={ctx} show /> <span class="muted">{ctx.t('layout.footer.demo')}</span>
        </p>
      ) : null}
      <p>
        <a class="button" href={ctx.href(`/book?location=${l.slug}`)}>
          {ctx.t('clinics.book', { clinic: l.city })}
        </a>
        <a class="button secondary" href={tel(l.phone)}>
          {ctx.t('clinics.call', { phone: l.phone })}
        </a>
      </p>
      <h2>{ctx.t('clinics.address')}</h2>
      <Address l={l} />
      <h2>{ctx.t('clinics.directions')}</h2>
      <p>{l.directions[ctx.locale]}</p>
      <p>
        <DirectionsLink ctx={ctx} l={l} />
      </p>
      <h2>{ctx.t('clinics.hours')}</h2>
      <p class="open-status">
        <strong>{openingStatusText(ctx, l, now)}</strong>
      </p>
      <Hours ctx={ctx} l={l} />
      <h2>{ctx.t('clinics.providers')}</h2>
      <ul>
        {providers.map((p) => (
          <li>
            <a href={ctx.href(`/providers/${p.slug}`)}>
              {p.displayName}
              {p.credentials ? `, ${p.credentials}` : ''}
            </a>{' '}
            – {ctx.t(`providers.specialty.${p.specialty}`)}
            {': '}
            {workingDays(ctx, p, l.slug)}
          </li>
        ))}
      </ul>
      <h2>{ctx.t('clinics.visitTypes')}</h2>
      <ul>
        {visitTypes.map((v) => (
          <li>
            <a href={ctx.href(`/book?location=${l.slug}&visitType=${v.slug}`)}>{v.name}</a> (
            {ctx.t('clinics.minutes', { minutes: v.minutes })}). {v.description}
          </li>
        ))}
      </ul>
    </div>
  );
}

function workingDays(ctx: PageContext, p: Provider, locationSlug: string): string {
  const days = [
    ...new Set(p.schedule.filter((s) => s.location === locationSlug).map((s) => s.weekday)),
  ].sort();
  return capitalize(
    list(
      ctx.locale,
      days.map((d) => weekdayName(ctx.locale, d)),
    ),
  );
}

function ProviderPage({
  ctx,
  p,
  locations,
  visitTypes,
}: {
  ctx: PageContext;
  p: Provider;
  locations: Location[];
  visitTypes: { slug: string; name: string }[];
}) {
  return (
    <div class="narrow">
      <h1>
        {p.displayName}
        {p.credentials ? <span class="muted">, {p.credentials}</span> : null}
      </h1>
      <p class="lead">{ctx.t(`providers.specialty.${p.specialty}`)}</p>
      <p>{p.bio[ctx.locale]}</p>
      <p>
        <a class="button" href={ctx.href(`/book?provider=${p.slug}`)}>
          {ctx.t('providers.book', { name: p.displayName })}
        </a>
      </p>
      <h2>{ctx.t('providers.where')}</h2>
      <ul>
        {locations.map((l) => (
          <li>
            <a href={ctx.href(`/clinics/${l.slug}`)}>{l.name}</a>: {workingDays(ctx, p, l.slug)}
          </li>
        ))}
      </ul>
      <h2>{ctx.t('providers.visitTypes')}</h2>
      <ul>
        {visitTypes.map((v) => (
          <li>{v.name}</li>
        ))}
      </ul>
      <h2>{ctx.t('providers.languages')}</h2>
      <p>
        {p.languages
          .map((code) => ctx.t(code === 'es' ? 'providers.language.es' : 'providers.language.en'))
          .join(', ')}
      </p>
    </div>
  );
}

export function directoryPages(directory: DirectoryService, site: Site, now: () => Date): Hono {
  const pages = new Hono();
  // `?zip=85251` orders the clinics by distance (a link anyone can share; a ZIP code is not health data).
  pages.get('/clinics', async (c) => {
    const ctx = await contextFor(c, site);
    const d = await directory.get();
    const zip = (c.req.query('zip') ?? '').trim();
    let error: string | undefined;
    let clinics: { location: Location; miles?: number }[] = d.locations.map((location) => ({ location }));
    if (zip) {
      const centre = ZIP_PATTERN.test(zip) ? await zipCentre(zip) : undefined;
      if (!ZIP_PATTERN.test(zip)) error = ctx.t('clinics.zip.errorFormat');
      else if (!centre) error = ctx.t('clinics.zip.errorUnknown', { zip });
      else clinics = byDistance(d.locations, centre);
    }
    return renderPage(
      c,
      ctx,
      {
        title: titleWithErrors(ctx, ctx.t('clinics.title'), error ? [error] : []),
        description: timesNote(d, ctx.locale, ctx.t),
        status: error ? 422 : 200,
      },
      <ClinicsList
        ctx={ctx}
        clinics={clinics}
        now={now()}
        zip={error ? zip.slice(0, 10) : zip}
        error={error}
      />,
    );
  });
  pages.get('/clinics/:slug', async (c) => {
    const d = await directory.get();
    const l = d.locations.find((x) => x.slug === c.req.param('slug'));
    if (!l) throw new NotFound();
    const ctx = await contextFor(c, site);
    const visitTypes = visitTypesAt(d, l.slug).map((v) => ({
      slug: v.slug,
      name: v.name[ctx.locale],
      minutes: v.durationMinutes,
      description: v.description[ctx.locale],
    }));
    return renderPage(
      c,
      ctx,
      { title: l.name, description: `${l.street}, ${l.city}. ${l.phone}` },
      <ClinicPage ctx={ctx} l={l} providers={providersAt(d, l.slug)} visitTypes={visitTypes} now={now()} />,
    );
  });
  pages.get('/providers/:slug', async (c) => {
    const d = await directory.get();
    const p = d.providers.find((x) => x.slug === c.req.param('slug'));
    if (!p) throw new NotFound();
    const ctx = await contextFor(c, site);
    const locations = d.locations.filter((l) => p.locations.includes(l.slug));
    const visitTypes = d.visitTypes
      .filter((v) => p.visitTypes.includes(v.slug))
      .map((v) => ({ slug: v.slug, name: v.name[ctx.locale] }));
    return renderPage(
      c,
      ctx,
      { title: p.displayName, description: p.bio[ctx.locale] },
      <ProviderPage ctx={ctx} p={p} locations={locations} visitTypes={visitTypes} />,
    );
  });
  pages.get('/providers', async (c) => {
    const ctx = await contextFor(c, site);
    const d = await directory.get();
    return renderPage(
      c,
      ctx,
      { title: ctx.t('providers.title') },
      <>
        <h1>{ctx.t('providers.title')}</h1>
        <ul class="cards">
          {d.providers.map((p) => (
            <li class="card">
              <h2>
                <a href={ctx.href(`/providers/${p.slug}`)}>{p.displayName}</a>
              </h2>
              <p>{ctx.t(`providers.specialty.${p.specialty}`)}</p>
              <p class="muted">
                {d.locations
                  .filter((l) => p.locations.includes(l.slug))
                  .map((l) => l.city)
                  .join(', ')}
              </p>
            </li>
          ))}
        </ul>
      </>,
    );
  });
  return pages;
}
