/**
 * A date as three boxes (month, day and year, in the order the page's language writes dates),
 * the way people know their dates, instead of one box with a format to learn. Used for a date of
 * birth and for the waiting list's dates. Without JavaScript; the boxes post as
 * `<prefix>Month`, `<prefix>Day` and `<prefix>Year`.
 */
import { ErrorMessage } from './forms.js';
import type { PageContext } from './page-context.js';

/**
 * The date from a form as YYYY-MM-DD: from its three boxes, or from one field (`whole`) typed as
 * YYYY-MM-DD or MM/DD/YYYY (an API client, the language switch, someone who types it whole).
 * Boxes that are partly empty or not numbers come back as typed ("1980--27"), so the form shows
 * them again and the check refuses them.
 */
export function dateFromBoxes(f: Record<string, string | undefined>, prefix: string, whole: string): string {
  const [y, m, d] = [f[`${prefix}Year`], f[`${prefix}Month`], f[`${prefix}Day`]].map((v) => (v ?? '').trim());
  if (y || m || d) {
    if (/^\d{4}$/.test(y!) && /^\d{1,2}$/.test(m!) && /^\d{1,2}$/.test(d!))
      return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return `${y}-${m}-${d}`;
  }
  const one = (f[whole] ?? '').trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(one);
  return us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : one;
}

/** True when a date from the boxes has all three parts (it may still be impossible). */
export const hasAllParts = (value: string) => {
  const parts = value.split('-');
  return parts.length === 3 && parts.every((p) => p !== '');
};

/** A date's example in the language's order ("12 7 2026" in English, "7 12 2026" in Spanish). */
export function dateExample(ctx: PageContext, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return ctx.locale === 'es' ? `${d} ${m} ${y}` : `${m} ${d} ${y}`;
}

export function DateBoxes({
  ctx,
  id,
  prefix,
  legend,
  hint,
  value,
  error,
  autocomplete,
}: {
  ctx: PageContext;
  /** The first box's id: the error summary links here. */
  id: string;
  prefix: string;
  legend: string;
  hint: string;
  /** YYYY-MM-DD, or the parts as typed. */
  value: string;
  error: string | undefined;
  /** The autocomplete tokens' stem ("bday" gives bday-month, bday-day, bday-year). */
  autocomplete?: string;
}) {
  const [year = '', month = '', day = ''] = value.split('-');
  const boxes = {
    month: { value: month, width: 'width-2' },
    day: { value: day, width: 'width-2' },
    year: { value: year, width: 'width-4' },
  } as const;
  const order =
    ctx.locale === 'es' ? (['day', 'month', 'year'] as const) : (['month', 'day', 'year'] as const);
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  return (
    <div class={error ? 'form-group has-error' : 'form-group'}>
      <fieldset role="group" aria-describedby={described}>
        <legend class="label">{legend}</legend>
        <div id={`${id}-hint`} class="hint">
          {hint}
        </div>
        <ErrorMessage ctx={ctx} id={`${id}-error`} message={error} />
        <div class="date-input">
          {order.map((part, i) => {
            const box = boxes[part];
            const boxId = i === 0 ? id : `${id}-${part}`;
            return (
              <div class="date-input-item">
                <label class="label" for={boxId}>
                  {ctx.t(`book.dob.${part}`)}
                </label>
                <input
                  class={`input ${box.width}`}
                  id={boxId}
                  name={`${prefix}${capital(part)}`}
                  type="text"
                  inputmode="numeric"
                  autocomplete={autocomplete ? `${autocomplete}-${part}` : 'off'}
                  value={box.value}
                  aria-invalid={error ? 'true' : undefined}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
