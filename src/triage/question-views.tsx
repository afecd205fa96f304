import type { Item, Pathway } from './pathway.js';
import type { AnswerValue, Answers } from './engine.js';
import type { PageContext } from '../platform/views/page-context.js';
import { BackLink, ErrorMessage, ErrorSummary } from '../platform/views/forms.js';
import { amount, longDate } from '../platform/i18n/format.js';

export function SignOff({ ctx, p }: { ctx: PageContext; p: Pathway }) {
  const s = p.signOff;
  return (
    <p class="signoff">
      {s.status === 'approved'
        ? ctx.t('sc.signoff.approved', {
            version: p.version,
            clinician: `${s.clinician}${s.credentials ? `, ${s.credentials}` : ''}`,
            date: longDate(ctx.locale, s.date),
          })
        : ctx.t('sc.signoff.pending', { version: p.version })}{' '}
      {s.status === 'approved' ? null : s.note[ctx.locale]}
    </p>
  );
}

export function StartPage({
  ctx,
  p,
  retentionDays,
  hasDraft,
  resumeHref,
  expired,
}: {
  ctx: PageContext;
  p: Pathway;
  retentionDays: number;
  hasDraft: boolean;
  resumeHref: string;
  expired: boolean;
}) {
  const { t } = ctx;
  return (
    <div class="narrow">
      <h1>{t('sc.start.title')}</h1>
      <p class="lead">{t('sc.start.lead')}</p>
      {expired ? <p class="notice">{t('sc.start.expired')}</p> : null}
      <div class="inset-warning">
        <p>
          <strong>{t('sc.start.emergency')}</strong>
        </p>
      </div>
      <p>{p.intro[ctx.locale]}</p>
      <h2>{t('sc.start.what')}</h2>
      <ol>
        <li>{t('sc.start.step1')}</li>
        <li>{t('sc.start.step2')}</li>
        <li>{t('sc.start.step3')}</li>
      </ol>
      <p>{t('sc.start.time', { days: retentionDays })}</p>
      <p>{t('sc.start.notDiagnosis')}</p>
      {hasDraft ? (
        <div class="panel">
          <p>{t('sc.start.resume')}</p>
          <p>
            <a class="button" href={resumeHref}>
              {t('sc.start.resumeLink')}
            </a>
          </p>
          <form method="post" action={ctx.href('/self-check/start')}>
            <button class="button secondary" type="submit">
              {t('sc.start.restart')}
            </button>
          </form>
        </div>
      ) : (
        <form method="post" action={ctx.href('/self-check/start')}>
          <button class="button start" type="submit">
            {t('sc.start.button')}
          </button>
        </form>
      )}
      <SignOff ctx={ctx} p={p} />
    </div>
  );
}

export function displayAnswer(ctx: PageContext, item: Item, value: AnswerValue | undefined): string {
  if (value === undefined) return ctx.t('sc.check.notAnswered');
  if (item.type === 'boolean') return value ? ctx.t('sc.yes') : ctx.t('sc.no');
  if (item.type === 'choice')
    return item.options!.find((o) => o.code === value)?.display[ctx.locale] ?? String(value);
  return typeof value === 'boolean' ? String(value) : amount(ctx.locale, value, item.unit);
}

export interface QuestionPageProps {
  ctx: PageContext;
  p: Pathway;
  item: Item;
  index: number;
  total: number;
  backHref: string;
  action: string;
  /** The raw value to show in the field (the saved answer, or what was just submitted). */
  value: string | undefined;
  error: string | undefined;
}

function formValue(v: AnswerValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}
export { formValue };

export function QuestionPage({
  ctx,
  p,
  item,
  index,
  total,
  backHref,
  action,
  value,
  error,
}: QuestionPageProps) {
  const { t, locale } = ctx;
  const instrument = item.instrument ? p.instruments.find((i) => i.id === item.instrument) : undefined;
  const firstOfInstrument =
    instrument && p.items.find((i) => i.instrument === instrument.id)?.linkId === item.linkId;
  const hintId = 'answer-hint';
  const errorId = 'answer-error';
  const describedBy =
    [item.hint || item.minLabel ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const scale =
    item.minLabel && item.maxLabel
      ? t('sc.scale', { min: item.minLabel[locale], max: item.maxLabel[locale] })
      : undefined;
  const firstInputId = 'answer';
  // A short whole-number scale (the 0-10 pain score) is a row of radio buttons, not a text box.
  const isScale = item.type === 'integer' && item.max! - item.min! <= 10;
  const options: { value: string; label: string }[] = isScale
    ? Array.from({ length: item.max! - item.min! + 1 }, (_, i) => ({
        value: String(item.min! + i),
        label: String(item.min! + i),
      }))
    : item.type === 'boolean'
      ? [
          { value: 'yes', label: t('sc.yes') },
          { value: 'no', label: t('sc.no') },
        ]
      : (item.options ?? []).map((o) => ({ value: o.code, label: o.display[locale] }));

  return (
    <div class="narrow">
      <BackLink ctx={ctx} href={backHref} />
      <ErrorSummary ctx={ctx} errors={error ? [{ href: firstInputId, message: error }] : []} />
      <p class="progress">
        {t('sc.progress', { n: index + 1, total })}
        <progress max={total} value={index + 1} aria-hidden="true"></progress>
      </p>
      {firstOfInstrument ? <p class="notice">{instrument!.intro[locale]}</p> : null}
      <form method="post" action={action} novalidate>
        <div class={error ? 'form-group has-error' : 'form-group'}>
          {item.type === 'integer' && !isScale ? (
            <>
              <h1>
                <label for={firstInputId}>{item.text[locale]}</label>
              </h1>
              {item.hint || scale ? (
                <div id={hintId} class="hint">
                  {item.hint ? item.hint[locale] : null} {scale}
                </div>
              ) : null}
              <ErrorMessage ctx={ctx} id={errorId} message={error} />
              <input
                class="input width-3"
                id={firstInputId}
                name="answer"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                spellcheck={false}
                value={value ?? ''}
                aria-describedby={describedBy}
              />
              {item.unit ? <span class="input-suffix">{item.unit[locale]}</span> : null}
            </>
          ) : (
            <fieldset aria-describedby={describedBy}>
              <legend>
                <h1>{item.text[locale]}</h1>
              </legend>
              {item.hint || scale ? (
                <div id={hintId} class="hint">
                  {item.hint ? item.hint[locale] : null} {scale}
                </div>
              ) : null}
              <ErrorMessage ctx={ctx} id={errorId} message={error} />
              <div class={isScale ? 'radios scale' : item.type === 'boolean' ? 'radios inline' : 'radios'}>
                {options.map((o, i) => (
                  <div class="radio">
                    <input
                      id={i === 0 ? firstInputId : `answer-${i}`}
                      name="answer"
                      type="radio"
                      value={o.value}
                      checked={value === o.value}
                    />
                    <label for={i === 0 ? firstInputId : `answer-${i}`}>{o.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
        </div>
        <button class="button" type="submit">
          {t('sc.continue')}
        </button>
      </form>
      {instrument ? <p class="attribution">{instrument.attribution[locale]}</p> : null}
    </div>
  );
}

export function CheckAnswersPage({
  ctx,
  items,
  answers,
  changeHref,
  action,
  backHref,
}: {
  ctx: PageContext;
  items: Item[];
  answers: Answers;
  changeHref: (linkId: string) => string;
  action: string;
  backHref: string;
}) {
  const { t, locale } = ctx;
  return (
    <div>
      <BackLink ctx={ctx} href={backHref} />
      <h1>{t('sc.check.title')}</h1>
      <p class="narrow">{t('sc.check.lead')}</p>
      <dl class="summary-list">
        {items.map((item) => (
          <div>
            <dt>{item.text[locale]}</dt>
            <dd>{displayAnswer(ctx, item, answers[item.linkId])}</dd>
            <dd>
              <a href={changeHref(item.linkId)}>
                {t('sc.check.change')}
                <span class="visually-hidden">
                  {' '}
                  {t('sc.check.changeHidden', { question: item.text[locale] })}
                </span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <form method="post" action={action}>
        <button class="button" type="submit">
          {t('sc.check.submit')}
        </button>
      </form>
    </div>
  );
}

/** Where the Back button lands after a self-check has ended: what happened, and where to go. */
export function FinishedPage({ ctx, resultHref }: { ctx: PageContext; resultHref: string }) {
  return (
    <div class="narrow">
      <h1>{ctx.t('sc.done.title')}</h1>
      <p>{ctx.t('sc.done.body')}</p>
      <p>
        <a class="button" href={resultHref}>
          {ctx.t('sc.done.result')}
        </a>
      </p>
      <form method="post" action={ctx.href('/self-check/start')}>
        <button class="button secondary" type="submit">
          {ctx.t('sc.done.again')}
        </button>
      </form>
    </div>
  );
}
