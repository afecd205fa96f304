/** Pieces of the staff forms that change visits: error summary, open times, patient fields. */
import type { Child } from 'hono/jsx';
import { HttpProblem, Refused, ValidationFailed } from '../platform/http/problem.js';
import { Temporal } from 'temporal-polyfill';
import type { Location } from '../directory/index.js';
import { dayInZone, timeInZone } from '../platform/i18n/format.js';
import { isRefusalCode, type Slot } from '../scheduling/index.js';
import { staffLocale, t } from './staff-kit.js';

/** A message per problem, for a form's error summary: field errors name their field. */
export function problemMessages(error: unknown): string[] | undefined {
  if (error instanceof ValidationFailed) return error.errors.map((e) => `${e.field} ${e.detail}`);
  // A scheduling refusal in words (the same text every page shows for its code).
  if (error instanceof Refused && isRefusalCode(error.code)) return [t(`refusal.${error.code}`)];
  if (error instanceof HttpProblem && error.status < 500) return [error.detail];
  return undefined;
}

export function FormErrors({ messages, href = '#start' }: { messages?: string[]; href?: string }) {
  if (!messages?.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-autofocus>
      <h2>{t('sc.errorSummary')}</h2>
      <ul>
        {messages.map((m) => (
          <li>
            <a href={href}>{m}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The open times of a day as radio buttons (value: "provider|start"), or the empty state. */
export function SlotChoices({
  slots,
  zone,
  providerNames,
  chosen,
  walkInBefore,
}: {
  slots: Slot[];
  zone: string;
  providerNames: Map<string, string>;
  chosen?: string;
  /** Times starting before this instant are inside the online notice: marked as walk-in times. */
  walkInBefore?: number;
}) {
  if (slots.length === 0) return <p>{t('staff.slots.none')}</p>;
  // Each time names its clinician only when the day's times are not all the same clinician's.
  const several = new Set(slots.map((s) => s.provider)).size > 1;
  return (
    <fieldset class="form-group" id="start">
      <legend class="label">
        {several
          ? t('staff.slots.legend')
          : t('staff.slots.legendWith', {
              name: providerNames.get(slots[0]!.provider) ?? slots[0]!.provider,
            })}
      </legend>
      <div class="radios slot-grid">
        {slots.map((s, i) => {
          const value = `${s.provider}|${s.start}`;
          return (
            <div class="radio">
              <input type="radio" id={`slot-${i}`} name="slot" value={value} checked={value === chosen} />
              <label for={`slot-${i}`}>
                {timeInZone(staffLocale(), s.startMs, zone)}
                {several ? ` · ${providerNames.get(s.provider) ?? s.provider}` : ''}
                {walkInBefore !== undefined && s.startMs < walkInBefore ? (
                  <span class="tag tag-warning">{t('staff.book.walkInTag')}</span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Splits a "provider|start" choice from SlotChoices. */
export function parseSlotChoice(value: unknown): { provider: string; start: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const [provider, start, ...rest] = value.split('|');
  return provider && start && rest.length === 0 ? { provider, start } : undefined;
}

export function TextField(props: {
  id: string;
  label: string;
  value?: string;
  hint?: string;
  type?: string;
  autocomplete?: string;
  width?: string;
}): Child {
  return (
    <div class="form-group">
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      <input
        class={`input ${props.width ?? 'width-20'}`}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={false}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      />
    </div>
  );
}

/** The date field of a filter form (native date picker; the server checks the value). */
export function DateField({ date, min, max }: { date: string; min?: string; max?: string }) {
  return (
    <div class="form-group">
      <label class="label" for="date">
        {t('staff.schedule.date')}
      </label>
      <input class="input width-10" id="date" name="date" type="date" value={date} min={min} max={max} />
    </div>
  );
}

/** The submit button of a GET filter form. */
export function FilterButton({ label }: { label: string }) {
  return (
    <div class="form-group">
      <button class="button secondary" type="submit">
        {label}
      </button>
    </div>
  );
}

/** A clinic chooser for filter forms: the user's clinics, by slug. */
export function ClinicSelect({ locations, chosenId }: { locations: Location[]; chosenId?: string }) {
  return (
    <div class="form-group">
      <label class="label" for="location">
        {t('staff.schedule.clinic')}
      </label>
      <select class="input" id="location" name="location">
        {locations.map((l) => (
          <option value={l.slug} selected={l.id === chosenId}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A clinician filter for a clinic's day: everyone, or one column of the day. */
export function ProviderSelect({
  providers,
  chosen,
}: {
  providers: { slug: string; displayName: string }[];
  chosen?: string;
}) {
  return (
    <div class="form-group">
      <label class="label" for="provider">
        {t('staff.schedule.provider')}
      </label>
      <select class="input" id="provider" name="provider">
        <option value="">{t('staff.schedule.allProviders')}</option>
        {providers.map((p) => (
          <option value={p.slug} selected={p.slug === chosen}>
            {p.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A local date as a heading, e.g. "Tuesday, December 1". */
export function DayHeading({ date, zone }: { date: string; zone: string }) {
  const ms = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  return <h2>{dayInZone(staffLocale(), ms, zone)}</h2>;
}

/** A POST form choosing one of a day's open times, with its submit button when there are any. */
export function SlotForm(props: {
  action: string;
  csrf: string;
  slots: Slot[];
  zone: string;
  providerNames: Map<string, string>;
  submit: string;
  chosen?: string;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} novalidate>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <SlotChoices
        slots={props.slots}
        zone={props.zone}
        providerNames={props.providerNames}
        chosen={props.chosen}
      />
      {props.slots.length ? (
        <>
          {props.children}
          <button class="button" type="submit">
            {props.submit}
          </button>
        </>
      ) : null}
    </form>
  );
}
