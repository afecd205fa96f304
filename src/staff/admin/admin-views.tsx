/**
 * What the administration pages share: the error summary and field-level messages (GOV.UK
 * pattern, as on the patient forms), labelled inputs, form-value helpers and small zod field
 * builders whose messages name the field.
 */
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import { NotFound } from '../../platform/http/problem.js';
import { CardTable } from '../card-table.js';
import { t } from '../staff-kit.js';

/** Field id -> message; the summary links to each field by its id. */
export type FieldErrors = Record<string, string>;

export function AdminErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      tabindex={-1}
      aria-labelledby="error-summary-title"
      data-autofocus
    >
      <h2 id="error-summary-title">{t('sc.errorSummary')}</h2>
      <ul>
        {entries.map(([id, message]) => (
          <li>
            <a href={`#${id}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} class="error-message">
      <span class="visually-hidden">{t('sc.errorPrefix')}</span> {message}
    </p>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  errors: FieldErrors;
  hint?: string;
  type?: string;
  width?: 'width-3' | 'width-10' | 'width-20';
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'tel' | 'text';
}) {
  const error = props.errors[props.id];
  return (
    <div class={`form-group${error ? ' has-error' : ''}`}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div id={`${props.id}-hint`} class="hint">
          {props.hint}
        </div>
      ) : null}
      <FieldError id={props.id} message={error} />
      <input
        class={`input ${props.width ?? 'width-20'}`}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        aria-describedby={describedBy(props.id, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
      />
    </div>
  );
}

export function TextArea(props: { id: string; label: string; value: string; errors: FieldErrors }) {
  const error = props.errors[props.id];
  return (
    <div class={`form-group${error ? ' has-error' : ''}`}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <FieldError id={props.id} message={error} />
      <textarea
        class="input admin-textarea"
        id={props.id}
        name={props.id}
        rows={4}
        aria-describedby={describedBy(props.id, undefined, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.value}
      </textarea>
    </div>
  );
}

/** A group of checkboxes under one legend (the summary links to the first box). */
export function CheckboxGroup(props: {
  id: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors: FieldErrors;
  hint?: string;
}) {
  const error = props.errors[props.id];
  return (
    <div class={`form-group${error ? ' has-error' : ''}`}>
      <fieldset aria-describedby={describedBy(props.id, props.hint, error)}>
        <legend class="label">{props.legend}</legend>
        {props.hint ? (
          <div id={`${props.id}-hint`} class="hint">
            {props.hint}
          </div>
        ) : null}
        <FieldError id={props.id} message={error} />
        <div class="checkboxes">
          {props.options.map((o, i) => (
            <div class="checkbox">
              <input
                id={i === 0 ? props.id : `${props.id}-${i}`}
                name={props.id}
                type="checkbox"
                value={o.value}
                checked={props.checked.includes(o.value)}
              />
              <label for={i === 0 ? props.id : `${props.id}-${i}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Section({ title, children }: { title: string; children: Child }) {
  return (
    <section class="admin-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** "Error: " before the page title when the page shows errors. */
export const titleWithErrors = (title: string, errors: FieldErrors) =>
  Object.keys(errors).length ? `${t('sc.errorPrefix')} ${title}` : title;

// ------------------------------------------------------------------ form values

export type FormBody = Record<string, string | File | (string | File)[]>;

/** One text value of a posted form ('' when missing or a file). */
export const str = (form: FormBody, key: string): string => {
  const v = form[key];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' ? one : '';
};

/** Every text value of a repeated field (checkboxes). */
export const all = (form: FormBody, key: string): string[] => {
  const v = form[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
};

/** zod issues -> one message per field (the first), keyed by the field's id. */
export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues) {
    const key = i.path.map(String).join('-') || 'form';
    errors[key] ??= i.message;
  }
  return errors;
}

// ------------------------------------------------------------------ zod field builders

/**
 * A message made when a value is refused, not when the schema is built: schemas are module
 * constants, and the message must be in the language of the request that is checked (ADR 22).
 */
export type LaterMessage = { error: () => string };
export const later = (key: MessageKey, params?: Record<string, string | number>): LaterMessage => ({
  error: () => t(key, params),
});

const noControl = (s: string) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s); // eslint-disable-line no-control-regex

/** Required text, trimmed, at most `max` characters, no control characters. */
export const requiredText = (message: MessageKey, max = 200) =>
  z
    .string()
    .trim()
    .min(1, later(message))
    .max(max, later('admin.err.tooLong', { max }))
    .refine(noControl, later('admin.err.control'));

export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, later('admin.err.tooLong', { max }))
    .refine(noControl, later('admin.err.control'));

/** A whole number in [min, max]; anything else gets the one message naming the field and range. */
export const wholeNumber = (message: LaterMessage, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

/** Wall-clock time HH:MM (24-hour). */
export const clock = (message: LaterMessage) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);

/** A real calendar date YYYY-MM-DD. */
export const calendarDate = (message: LaterMessage) =>
  z
    .string()
    .trim()
    .refine((s) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      try {
        Temporal.PlainDate.from(s, { overflow: 'reject' });
        return true;
      } catch {
        return false;
      }
    }, message);

/** The item of a directory list with this slug, or "not found" (clinics, providers, visit types). */
export function bySlug<T extends { slug: string }>(items: T[], slug: string): T {
  const found = items.find((x) => x.slug === slug);
  if (!found) throw new NotFound();
  return found;
}

/**
 * An administration list page: the way back, the heading, an optional note, and a table with these
 * columns that becomes labelled cards on a phone, then anything that follows it. Each row is its
 * cells in the columns' order.
 */
export function AdminList({
  title,
  columns,
  rows,
  add,
  intro,
  children,
}: {
  title: string;
  columns: string[];
  rows: Child[][];
  /** A button above the table to add one (network administrators). */
  add?: { href: string; label: string } | undefined;
  /** What to read before the list (a note under the heading). */
  intro?: Child;
  /** What follows the list (a section of its own). */
  children?: Child;
}) {
  return (
    <>
      <p class="back-link-row">
        <a href="/staff/admin">{t('admin.title')}</a>
      </p>
      <h1>{title}</h1>
      {intro ?? null}
      {add ? (
        <p>
          <a class="button" href={add.href}>
            {add.label}
          </a>
        </p>
      ) : null}
      <CardTable columns={columns} rows={rows} />
      {children ?? null}
    </>
  );
}
