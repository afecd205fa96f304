import { homeZone, type Location } from '../directory/index.js';
import type { PageContext } from '../platform/views/page-context.js';
import { ErrorMessage, ErrorSummary } from '../platform/views/forms.js';
import { dateFormatter, longDate } from '../platform/i18n/format.js';
import { INTL_LOCALE, type Locale } from '../platform/i18n/i18n.js';
import type { StoredAssessment, StoredCheckIn } from './assessment-store.js';
import type { Reason } from './engine.js';
import type { Disposition, Pathway } from './pathway.js';
import type { PlanSection } from './plan.js';
import { SignOff } from './question-views.js';
import {
  actionsOf,
  ChangeEmergencyAnswer,
  Obstetric,
  PoisonControl,
  Prepare,
  SafetyNet,
  SameDay,
  SelfCareBooking,
} from './result-actions.js';

export function dateTime(locale: Locale, d: Date, timeZone: string): string {
  return dateFormatter(INTL_LOCALE[locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(d);
}

export function dayDate(locale: Locale, d: Date, timeZone: string): string {
  return dateFormatter(INTL_LOCALE[locale], {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone,
  }).format(d);
}

function Reasons({
  ctx,
  reasons,
  disposition,
}: {
  ctx: PageContext;
  reasons: Reason[];
  disposition: string;
}) {
  const main = reasons.filter((r) => r.disposition === disposition);
  const other = reasons.filter((r) => r.disposition !== disposition);
  return (
    <section aria-labelledby="reasons">
      <h2 id="reasons">{ctx.t('result.reasons.heading')}</h2>
      {reasons.length === 0 ? <p>{ctx.t('result.reasons.none')}</p> : null}
      <ul class="reason-list">
        {main.map((r) => (
          <li>
            {r.text[ctx.locale]}
            {r.notice && !r.action ? <strong> {r.notice[ctx.locale]}</strong> : null}
          </li>
        ))}
      </ul>
      {other.length ? (
        <>
          <h3>{ctx.t('result.reasons.also')}</h3>
          <ul class="reason-list">
            {other.map((r) => (
              <li>
                {r.text[ctx.locale]}
                {r.notice && !r.action ? <strong> {r.notice[ctx.locale]}</strong> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function Plan({ sections, headingLevel = 3 }: { sections: PlanSection[]; headingLevel?: 2 | 3 }) {
  return (
    <>
      {sections.map((s) => (
        <div class="plan-section">
          {headingLevel === 2 ? <h2>{s.heading}</h2> : <h3>{s.heading}</h3>}
          {s.paragraphs.map((para) => (
            <p>{para}</p>
          ))}
        </div>
      ))}
    </>
  );
}

export interface ResultPageProps {
  ctx: PageContext;
  a: StoredAssessment;
  p: Pathway;
  plan: PlanSection[];
  locations: Location[];
  checkIns: StoredCheckIn[];
  now: Date;
  base: string; // the private link, e.g. /self-check/r/<token>, in the page language
  privateUrl: string;
  email: { saved: boolean; error?: string; value?: string };
  /** Where the person stands now, after any check-ins (see currentDisposition). */
  current: Disposition;
  /** Same-day visits still free today (urgent results), when known. */
  freeToday?: number;
  /** The form that reopens an emergency answer given by mistake (web results only). */
  changeAction?: string;
  /** The optional questions after the result, when this pathway and language have any. */
  prepare?: { href: string; answered: boolean; englishOnly: boolean };
}

export function ResultPage(props: ResultPageProps) {
  const { ctx, a, p, plan, locations, checkIns, now, base, email } = props;
  const { t } = ctx;
  const d = props.current;
  // After a follow-up that changed the outcome, its reasons come first, then the original ones.
  const latest = [...checkIns].reverse().find((x) => x.disposition === d);
  const reasons =
    latest && d !== a.disposition
      ? [...latest.reasons, ...a.reasons.filter((r) => !latest.reasons.some((x) => x.ruleId === r.ruleId))]
      : a.reasons;
  const actions = actionsOf(reasons);
  const firstActions = (
    <>
      {actions.has('poison-control') ? <PoisonControl ctx={ctx} /> : null}
      {actions.has('obstetric') ? <Obstetric ctx={ctx} /> : null}
    </>
  );
  return (
    <div class="narrow">
      <ErrorSummary ctx={ctx} errors={email.error ? [{ href: 'email', message: email.error }] : []} />
      {d === 'emergency' ? null : firstActions}
      <div class={`result-panel ${d}`}>
        <h1>{t(`result.title.${d}`)}</h1>
        <p>{t(`result.lead.${d}`)}</p>
        {d === 'emergency' ? (
          <a class="call-911" href="tel:911">
            {t('result.call911')}
          </a>
        ) : null}
      </div>
      {d === 'emergency' ? firstActions : <SafetyNet ctx={ctx} />}

      {d === 'emergency' ? (
        <section aria-labelledby="tell">
          <h2 id="tell">{t('result.tell.heading')}</h2>
          <p>{t('result.tell.intro')}</p>
          <ul>
            <li>{t('result.tell.age')}</li>
          </ul>
        </section>
      ) : null}

      {d === 'urgent' ? (
        <SameDay
          ctx={ctx}
          locations={locations}
          now={now}
          bookHref={`${base}/book`}
          freeToday={props.freeToday}
        />
      ) : null}

      {d === 'appointment' ? (
        <section aria-labelledby="book">
          <h2 id="book" class="visually-hidden">
            {t('result.title.appointment')}
          </h2>
          <p>
            <a class="button" href={`${base}/book`}>
              {t('result.book.button')}
            </a>
          </p>
          <p>{t('result.book.intake')}</p>
          <p>{t('result.book.phone')}</p>
        </section>
      ) : null}

      <Reasons ctx={ctx} reasons={reasons} disposition={d} />

      {d === 'emergency' && props.changeAction ? (
        <ChangeEmergencyAnswer ctx={ctx} action={props.changeAction} />
      ) : null}

      {d === 'self-care' || d === 'appointment' ? (
        <section aria-labelledby="plan">
          <h2 id="plan">{t('result.plan.heading')}</h2>
          {d === 'appointment' ? <p>{t('result.plan.meanwhile')}</p> : null}
          <Plan sections={plan} />
          <p class="no-print">
            <a class="standalone-link" href={`${base}/plan`}>
              {t('result.plan.print')}
            </a>
          </p>
        </section>
      ) : null}

      {d === 'self-care' ? (
        <SelfCareBooking ctx={ctx} locations={locations} now={now} bookHref={`${base}/book`} />
      ) : null}

      {d === 'self-care' && a.checkInDueAt ? (
        <CheckInSection ctx={ctx} due={a.checkInDueAt} now={now} base={base} email={email} />
      ) : null}

      {props.prepare ? <Prepare ctx={ctx} disposition={d} {...props.prepare} /> : null}

      {checkIns.length ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('result.history.heading')}</h2>
          <ul>
            {checkIns.map((c) => (
              <li>
                {c.kind === 'questions' || !c.improving
                  ? t('result.history.questions', {
                      date: dateTime(ctx.locale, c.createdAt, homeZone(ctx)),
                      result: t(`result.disposition.${c.disposition}`),
                    })
                  : t('result.history.item', {
                      date: dateTime(ctx.locale, c.createdAt, homeZone(ctx)),
                      improving: t(`result.improving.${c.improving}`),
                      result: t(`result.disposition.${c.disposition}`),
                    })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="keep" class="no-print">
        <h2 id="keep">{t('result.keep.heading')}</h2>
        <p>{t('result.keep.body')}</p>
        <p class="private-link">{props.privateUrl}</p>
        <p class="muted">
          {t('result.expires', { date: longDate(ctx.locale, a.expiresAt.toISOString().slice(0, 10)) })}
        </p>
      </section>
      <SignOff ctx={ctx} p={p} />
    </div>
  );
}

function CheckInSection({
  ctx,
  due,
  now,
  base,
  email,
}: {
  ctx: PageContext;
  due: Date;
  now: Date;
  base: string;
  email: ResultPageProps['email'];
}) {
  const { t } = ctx;
  const when = dateTime(ctx.locale, due, homeZone(ctx));
  return (
    <section aria-labelledby="checkin" class="panel">
      <h2 id="checkin">{t('result.checkin.heading')}</h2>
      <p>{t('result.checkin.body', { date: when })}</p>
      {now >= due ? (
        <p>
          <a class="button secondary" href={`${base}/check-in`}>
            {t('result.checkin.link')}
          </a>
        </p>
      ) : (
        <p>{t('result.checkin.opens', { date: when })}</p>
      )}
      {email.saved ? (
        <p class="success-banner" role="status">
          {t('result.checkin.email.saved', { date: when })}
        </p>
      ) : (
        <form method="post" action={`${base}/email`} novalidate class="no-print">
          <div class={email.error ? 'form-group has-error' : 'form-group'}>
            <label class="label" for="email">
              {t('result.checkin.email.label')}
            </label>
            <div id="email-hint" class="hint">
              {t('result.checkin.email.hint')}
            </div>
            <ErrorMessage ctx={ctx} id="email-error" message={email.error} />
            <input
              class="input width-20"
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              value={email.value ?? ''}
              aria-describedby={email.error ? 'email-hint email-error' : 'email-hint'}
            />
          </div>
          <button class="button secondary" type="submit">
            {t('result.checkin.email.button')}
          </button>
        </form>
      )}
    </section>
  );
}

export function PlanPage({
  ctx,
  a,
  p,
  plan,
  base,
}: {
  ctx: PageContext;
  a: StoredAssessment;
  p: Pathway;
  plan: PlanSection[];
  base: string;
}) {
  return (
    <div class="narrow plan-page">
      <p class="no-print">
        <a class="back-link" href={base}>
          {ctx.t('plan.backToResult')}
        </a>
      </p>
      <h1>{ctx.t('plan.title')}</h1>
      <p>{ctx.t('plan.made', { date: longDate(ctx.locale, a.createdAt.toISOString().slice(0, 10)) })}</p>
      <p class="no-print muted">{ctx.t('plan.printHint')}</p>
      <Plan sections={plan} headingLevel={2} />
      <p>
        <strong>{ctx.t('layout.footer.emergency')}</strong>
      </p>
      <SignOff ctx={ctx} p={p} />
    </div>
  );
}
