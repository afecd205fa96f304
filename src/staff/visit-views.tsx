/** Pieces of the staff forms that change visits: error summary, open times, patient fields. */
import type { Child } from 'hono/jsx';
import { HttpProblem, ValidationFailed } from '../platform/http/problem.js';
import { timeInZone } from '../platform/i18n/format.js';
import type { Slot } from '../scheduling/slots.js';
import { t } from './staff-kit.js';

/** A message per problem, for a form's error summary: field errors name their field. */
export function problemMessages(error: unknown): string[] | undefined {
  if (error instanceof ValidationFailed) return error.errors.map((e) => `${e.field} ${e.detail}`);
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
}: {
  slots: Slot[];
  zone: string;
  providerNames: Map<string, string>;
  chosen?: string;
}) {
  if (slots.length === 0) return <p>{t('staff.slots.none')}</p>;
  return (
    <fieldset class="form-group" id="start">
      <legend class="label">{t('staff.slots.legend')}</legend>
      <div class="radios slot-grid">
        {slots.map((s, i) => {
          const value = `${s.provider}|${s.start}`;
          return (
            <div class="radio">
              <input type="radio" id={`slot-${i}`} name="slot" value={value} checked={value === chosen} />
              <label for={`slot-${i}`}>
                {timeInZone('en', s.startMs, zone)}
                {providerNames.size > 1 ? ` · ${providerNames.get(s.provider) ?? s.provider}` : ''}
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
