/**
 * The parts of a result page that tell the person what to do first: Poison Control, the
 * obstetric service, same-day care with each clinic's opening status (and the after-hours route
 * when every clinic has closed for the day), booking from a self-care result, changing an
 * emergency answer given by mistake, and the optional questions that help the doctor prepare.
 */
import { openingStatus, type Location, openingStatusText } from '../directory/index.js';
import type { PageContext } from '../platform/views/page-context.js';
import { tel } from '../platform/views/tel.js';
import type { Reason } from './engine.js';
import type { Disposition, RuleAction } from './pathway.js';

export const POISON_CONTROL = '1-800-222-1222';

export function actionsOf(reasons: Reason[]): Set<RuleAction> {
  return new Set(reasons.flatMap((r) => (r.action ? [r.action] : [])));
}

export function PoisonControl({ ctx }: { ctx: PageContext }) {
  return (
    <section class="action-panel" aria-labelledby="poison">
      <h2 id="poison">{ctx.t('result.poison.heading')}</h2>
      <p>{ctx.t('result.poison.body')}</p>
      <a class="button call-action" href={tel(POISON_CONTROL)}>
        {ctx.t('result.poison.call')}: {POISON_CONTROL}
      </a>
    </section>
  );
}

export function Obstetric({ ctx }: { ctx: PageContext }) {
  return (
    <section class="action-panel" aria-labelledby="obstetric">
      <h2 id="obstetric">{ctx.t('result.obstetric.heading')}</h2>
      <p>{ctx.t('result.obstetric.body')}</p>
    </section>
  );
}

/** The 911 signs stay in view on every result that is not itself "call 911". */
export function SafetyNet({ ctx }: { ctx: PageContext }) {
  return (
    <div class="inset-warning">
      <p>
        <strong>{ctx.t('result.safety.heading')}:</strong> {ctx.t('result.safety.body')}
      </p>
    </div>
  );
}

function ClinicPhones({ ctx, locations, now }: { ctx: PageContext; locations: Location[]; now: Date }) {
  return (
    <ul class="phone-list">
      {locations.map((l) => (
        <li>
          {l.name}: <a href={tel(l.phone)}>{l.phone}</a>. {openingStatusText(ctx, l, now)}.
        </li>
      ))}
    </ul>
  );
}

/**
 * "See a doctor today": each clinic's status from its own clock. When every clinic has closed
 * for the day, say so first and give the after-hours route instead of hours that have passed.
 */
export function SameDay({
  ctx,
  locations,
  now,
  bookHref,
  freeToday,
}: {
  ctx: PageContext;
  locations: Location[];
  now: Date;
  bookHref: string;
  freeToday?: number;
}) {
  const { t } = ctx;
  const open = locations.filter((l) => openingStatus(l, now).kind !== 'closed-for-today');
  // Every clinic closed for the day, or no same-day time left to book: the after-hours route.
  if (open.length === 0 || freeToday === 0) {
    return (
      <section aria-labelledby="same-day">
        <h2 id="same-day">
          {t(open.length === 0 ? 'result.urgent.allClosed.heading' : 'result.urgent.noTimes.heading')}
        </h2>
        {open.length > 0 ? <p>{t('result.urgent.noTimes.call')}</p> : null}
        <ul>
          <li>{t('result.urgent.allClosed.urgentCare')}</li>
          <li>
            <strong>{t('result.urgent.allClosed.ed')}</strong>
          </li>
        </ul>
        <p>{t('result.urgent.allClosed.call')}</p>
        <ClinicPhones ctx={ctx} locations={locations} now={now} />
        <p>
          <a class="button secondary" href={bookHref}>
            {t('result.urgent.bookLater')}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="same-day">
      <h2 id="same-day" class="visually-hidden">
        {t('result.title.urgent')}
      </h2>
      <p>{t('result.urgent.call')}</p>
      <ClinicPhones ctx={ctx} locations={open} now={now} />
      <p>
        <a class="button" href={bookHref}>
          {t('result.urgent.book')}
        </a>
      </p>
      <p>{t('result.urgent.fallback')}</p>
    </section>
  );
}

export function SelfCareBooking({
  ctx,
  locations,
  now,
  bookHref,
}: {
  ctx: PageContext;
  locations: Location[];
  now: Date;
  bookHref: string;
}) {
  return (
    <section aria-labelledby="want-visit">
      <h2 id="want-visit">{ctx.t('result.selfcare.book.heading')}</h2>
      <p>{ctx.t('result.selfcare.book.body')}</p>
      <p>
        <a class="button secondary" href={bookHref}>
          {ctx.t('result.book.button')}
        </a>
      </p>
      <ClinicPhones ctx={ctx} locations={locations} now={now} />
    </section>
  );
}

/** On a "call 911" result from the web: the advice stays first; a mis-tap can be changed. */
export function ChangeEmergencyAnswer({ ctx, action }: { ctx: PageContext; action: string }) {
  return (
    <section aria-labelledby="mistake" class="panel no-print">
      <h2 id="mistake">{ctx.t('result.change.heading')}</h2>
      <p>{ctx.t('result.change.body')}</p>
      <form method="post" action={action}>
        <button class="button secondary" type="submit">
          {ctx.t('result.change.button')}
        </button>
      </form>
    </section>
  );
}

export function Prepare({
  ctx,
  disposition,
  href,
  answered,
  englishOnly,
}: {
  ctx: PageContext;
  disposition: Disposition;
  href: string;
  answered: boolean;
  englishOnly: boolean;
}) {
  if (disposition === 'emergency') return null;
  return (
    <section aria-labelledby="prepare" class="no-print">
      <h2 id="prepare">{ctx.t('result.prepare.heading')}</h2>
      {answered ? (
        <p>{ctx.t('result.prepare.done')}</p>
      ) : (
        <>
          <p>
            {ctx.t(
              disposition === 'self-care' ? 'result.prepare.body.selfcare' : 'result.prepare.body.visit',
            )}
          </p>
          <p>
            <a class="standalone-link" href={href}>
              {ctx.t('result.prepare.link')}
            </a>
          </p>
        </>
      )}
      {englishOnly ? <p class="muted">{ctx.t('result.prepare.englishOnly')}</p> : null}
    </section>
  );
}
