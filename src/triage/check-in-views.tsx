import type { PageContext } from '../platform/views/page-context.js';
import { BackLink, ErrorMessage, ErrorSummary } from '../platform/views/forms.js';
import type { StoredCheckIn } from './assessment-store.js';
import type { Disposition, Pathway } from './pathway.js';
import { homeZone } from '../directory/index.js';
import { dateTime } from './result-views.js';

export function CheckInPage({
  ctx,
  p,
  base,
  daysSince,
  error,
  chosen,
}: {
  ctx: PageContext;
  p: Pathway;
  base: string;
  daysSince: number;
  error?: string;
  chosen: { improving?: string; signs: string[] };
}) {
  const { t, locale } = ctx;
  const days =
    daysSince < 1
      ? t('checkin.days.zero')
      : daysSince < 2
        ? t('checkin.days.one')
        : t('checkin.days.other', { n: Math.floor(daysSince) });
  const options = ['better', 'same', 'worse'] as const;
  return (
    <div class="narrow">
      <BackLink ctx={ctx} href={base} />
      <ErrorSummary ctx={ctx} errors={error ? [{ href: 'improving', message: error }] : []} />
      <h1>{t('checkin.title')}</h1>
      <p>{t('checkin.lead', { days })}</p>
      <form method="post" action={`${base}/check-in`} novalidate>
        <div class={error ? 'form-group has-error' : 'form-group'}>
          <fieldset aria-describedby={error ? 'improving-error' : undefined}>
            <legend class="label">{p.checkIn.question[locale]}</legend>
            <ErrorMessage ctx={ctx} id="improving-error" message={error} />
            <div class="radios">
              {options.map((o, i) => (
                <div class="radio">
                  <input
                    id={i === 0 ? 'improving' : `improving-${o}`}
                    name="improving"
                    type="radio"
                    value={o}
                    checked={chosen.improving === o}
                  />
                  <label for={i === 0 ? 'improving' : `improving-${o}`}>
                    {capitalizeFirst(t(`result.improving.${o}`))}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div class="form-group">
          <fieldset aria-describedby="signs-hint">
            <legend class="label">{p.checkIn.signsQuestion[locale]}</legend>
            <div id="signs-hint" class="hint">
              {p.checkIn.signsHint[locale]}
            </div>
            <div class="checkboxes">
              {p.checkIn.signs.map((s) => (
                <div class="checkbox">
                  <input
                    id={`sign-${s.id}`}
                    name="signs"
                    type="checkbox"
                    value={s.id}
                    checked={chosen.signs.includes(s.id)}
                  />
                  <label for={`sign-${s.id}`}>{s.label[locale]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button class="button" type="submit">
          {t('checkin.submit')}
        </button>
      </form>
    </div>
  );
}

function capitalizeFirst(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** After a check-in: where the person stands now (the most urgent of the result and its check-ins). */
export function CheckInDonePage({
  ctx,
  checkIn,
  current,
  base,
}: {
  ctx: PageContext;
  checkIn: StoredCheckIn;
  current: Disposition;
  base: string;
}) {
  const { t, locale } = ctx;
  const d = current;
  return (
    <div class="narrow">
      <div class={`result-panel ${d}`}>
        <h1>{t(`result.title.${d}`)}</h1>
        <p>{t(`result.lead.${d}`)}</p>
        {d === 'emergency' ? (
          <a class="call-911" href="tel:911">
            {t('result.call911')}
          </a>
        ) : null}
      </div>
      <p class="muted">{t('checkin.done.title')}</p>
      {d === 'appointment' || d === 'urgent' ? (
        <p>
          <a class="button" href={`${base}/book`}>
            {t('result.book.button')}
          </a>
        </p>
      ) : null}
      {checkIn.reasons.length ? (
        <>
          <h2>{t('result.reasons.heading')}</h2>
          <ul class="reason-list">
            {checkIn.reasons.map((r) => (
              <li>
                {r.text[locale]}
                {r.notice ? <strong> {r.notice[locale]}</strong> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={base}>{t('plan.backToResult')}</a>
      </p>
    </div>
  );
}

/** The check-in cannot be used: this result has none, or it is not due yet (say when it will be). */
export function CheckInClosedPage({
  ctx,
  reason,
  dueAt,
  base,
}: {
  ctx: PageContext;
  reason: 'no_check_in' | 'too_early_to_check_in';
  dueAt?: Date;
  base: string;
}) {
  const { t } = ctx;
  return (
    <div class="narrow">
      <BackLink ctx={ctx} href={base} />
      {reason === 'no_check_in' ? (
        <>
          <h1>{t('checkin.none.title')}</h1>
          <p>{t('checkin.none.body')}</p>
        </>
      ) : (
        <>
          <h1>{t('checkin.notYet.title')}</h1>
          <p>{t('checkin.notYet.body', { date: dateTime(ctx.locale, dueAt!, homeZone(ctx)) })}</p>
        </>
      )}
      <p>
        <a class="button" href={base}>
          {t('plan.backToResult')}
        </a>
      </p>
    </div>
  );
}
