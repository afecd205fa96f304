/**
 * "Help your doctor prepare": the optional instruments (PEG, STarT Back) asked after the result,
 * on one page, each a group answered in full or left blank. Only instruments with a validated
 * version in the page's language are offered.
 */
import type { Locale } from '../platform/i18n/i18n.js';
import { BackLink, ErrorMessage, ErrorSummary, type FormError } from '../platform/views/forms.js';
import type { PageContext } from '../platform/views/page-context.js';
import { parseFormValue, type Answers } from './engine.js';
import type { Instrument, Item, Pathway } from './pathway.js';

export function prepareInstruments(p: Pathway, locale: Locale) {
  const inLanguage = (i: Instrument) => !i.languages || i.languages.includes(locale);
  return {
    available: p.instruments.filter(inLanguage),
    englishOnly: p.instruments.some((i) => !inLanguage(i)),
  };
}

const itemsOf = (p: Pathway, instrument: Instrument) => p.items.filter((i) => i.instrument === instrument.id);

function options(ctx: PageContext, item: Item): { value: string; label: string }[] {
  if (item.type === 'boolean')
    return [
      { value: 'yes', label: ctx.t('prepare.agree') },
      { value: 'no', label: ctx.t('prepare.disagree') },
    ];
  if (item.type === 'choice')
    return item.options!.map((o) => ({ value: o.code, label: o.display[ctx.locale] }));
  return Array.from({ length: item.max! - item.min! + 1 }, (_, i) => ({
    value: String(item.min! + i),
    label: String(item.min! + i),
  }));
}

export function readPrepareForm(
  ctx: PageContext,
  p: Pathway,
  instruments: Instrument[],
  form: Record<string, unknown>,
): { answers: Answers } | { errors: FormError[]; values: Record<string, string> } {
  const values: Record<string, string> = {};
  const answers: Answers = {};
  const errors: FormError[] = [];
  for (const instrument of instruments) {
    const items = itemsOf(p, instrument);
    for (const item of items) {
      const raw = form[item.linkId];
      if (typeof raw === 'string' && raw !== '') values[item.linkId] = raw;
    }
    const given = items.filter((i) => values[i.linkId] !== undefined);
    if (given.length === 0) continue;
    const missing = items.filter((i) => values[i.linkId] === undefined);
    if (missing.length) {
      errors.push({
        href: `${missing[0]!.linkId}-0`,
        message: ctx.t('prepare.error.partial', { group: ctx.t(`prepare.group.${instrument.id}`) }),
      });
      continue;
    }
    for (const item of items) {
      const parsed = parseFormValue(item, values[item.linkId]);
      if ('error' in parsed) errors.push({ href: `${item.linkId}-0`, message: ctx.t('sc.error.choice') });
      else answers[item.linkId] = parsed.value;
    }
  }
  if (errors.length) return { errors, values };
  if (Object.keys(answers).length === 0)
    return {
      errors: [{ href: `${itemsOf(p, instruments[0]!)[0]!.linkId}-0`, message: ctx.t('prepare.error.none') }],
      values,
    };
  return { answers };
}

export function PreparePage({
  ctx,
  p,
  instruments,
  base,
  errors,
  values,
  done,
}: {
  ctx: PageContext;
  p: Pathway;
  instruments: Instrument[];
  base: string;
  errors: FormError[];
  values: Record<string, string>;
  done: boolean;
}) {
  const { t, locale } = ctx;
  const errorFor = (item: Item) => errors.find((e) => e.href === `${item.linkId}-0`)?.message;
  return (
    <div class="narrow">
      <BackLink ctx={ctx} href={base} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('prepare.title')}</h1>
      {done ? (
        <p>{t('prepare.done')}</p>
      ) : (
        <form method="post" action={`${base}/questions`} novalidate id="questions">
          <p>{t('prepare.lead')}</p>
          {instruments.map((instrument) => (
            <section aria-labelledby={`group-${instrument.id}`}>
              <h2 id={`group-${instrument.id}`}>{t(`prepare.group.${instrument.id}`)}</h2>
              <p>{instrument.intro[locale]}</p>
              {itemsOf(p, instrument).map((item) => {
                const error = errorFor(item);
                const scale =
                  item.minLabel && item.maxLabel
                    ? t('sc.scaleLegend', { min: item.minLabel[locale], max: item.maxLabel[locale] })
                    : undefined;
                return (
                  <div class={error ? 'form-group has-error' : 'form-group'}>
                    <fieldset aria-describedby={scale ? `${item.linkId}-hint` : undefined}>
                      <legend class="label">{item.text[locale]}</legend>
                      {scale ? (
                        <div id={`${item.linkId}-hint`} class="hint">
                          {scale}
                        </div>
                      ) : null}
                      <ErrorMessage ctx={ctx} id={`${item.linkId}-error`} message={error} />
                      <div
                        class={
                          item.type === 'integer'
                            ? 'radios scale'
                            : item.type === 'boolean'
                              ? 'radios inline'
                              : 'radios'
                        }
                      >
                        {options(ctx, item).map((o, i) => (
                          <div class="radio">
                            <input
                              id={`${item.linkId}-${i}`}
                              name={item.linkId}
                              type="radio"
                              value={o.value}
                              checked={values[item.linkId] === o.value}
                            />
                            <label for={`${item.linkId}-${i}`}>{o.label}</label>
                          </div>
                        ))}
                      </div>
                    </fieldset>
                  </div>
                );
              })}
              <p class="attribution">{instrument.attribution[locale]}</p>
            </section>
          ))}
          <button class="button" type="submit">
            {t('prepare.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
