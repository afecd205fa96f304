import type { Directory, Location, Provider, VisitType } from '../directory/index.js';
import { dayInZone, isRealDate, timeInZone } from '../platform/i18n/format.js';
import type { MessageKey } from '../platform/i18n/i18n.js';
import type { PageContext } from '../platform/views/page-context.js';
import { BackLink, ErrorMessage, ErrorSummary, type FormError } from '../platform/views/forms.js';
import { DateBoxes, dateFromBoxes, hasAllParts } from '../platform/views/date-boxes.js';
import type { Patient } from './scheduling-store.js';

export interface Choice {
  visitType?: string;
  location?: string;
  provider?: string;
  /** A ZIP code: with any clinic, the nearest clinics' times come first. */
  zip?: string;
  /** 'es': only clinicians who speak Spanish. */
  speaks?: 'es';
}

/**
 * A posted slug fit to be echoed into a redirect's address: slugs are short and [a-z0-9-], so
 * anything else (a megabyte of text, a line break) is dropped rather than put in a header.
 */
export const slugOnly = (v: string | undefined) => (v && /^[a-z0-9-]{1,64}$/.test(v) ? v : undefined);

export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function FindForm({
  ctx,
  d,
  choice,
  errors,
}: {
  ctx: PageContext;
  d: Directory;
  choice: Choice;
  errors: FormError[];
}) {
  const { t, locale } = ctx;
  const visitError = errors.find((e) => e.href === 'visitType');
  const providerError = errors.find((e) => e.href === 'provider');
  return (
    <form method="get" action={ctx.href('/book')} novalidate>
      {/* Marks a submitted search, so one without a visit type gets the error summary. */}
      <input type="hidden" name="find" value="1" />
      <div class={visitError ? 'form-group has-error' : 'form-group'}>
        <fieldset aria-describedby={visitError ? 'visitType-error' : undefined}>
          <legend class="label">{t('book.visitType')}</legend>
          <ErrorMessage ctx={ctx} id="visitType-error" message={visitError?.message} />
          <div class="radios">
            {d.visitTypes.map((v, i) => (
              <div class="radio">
                <input
                  id={i === 0 ? 'visitType' : `visitType-${v.slug}`}
                  name="visitType"
                  type="radio"
                  value={v.slug}
                  checked={choice.visitType === v.slug}
                  aria-describedby={`visitType-${v.slug}-hint`}
                />
                <label for={i === 0 ? 'visitType' : `visitType-${v.slug}`}>
                  <strong>{v.name[locale]}</strong> ({t('clinics.minutes', { minutes: v.durationMinutes })})
                </label>
                <div id={`visitType-${v.slug}-hint`} class="hint">
                  {v.description[locale]}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <ClinicAndClinician ctx={ctx} d={d} choice={choice} error={providerError?.message} />
      <div class="form-group">
        <div class="checkbox">
          <input id="speaks" name="speaks" type="checkbox" value="es" checked={choice.speaks === 'es'} />
          <label for="speaks">{t('book.speaks.label')}</label>
        </div>
      </div>
      <ZipField ctx={ctx} value={choice.zip ?? ''} error={errors.find((e) => e.href === 'zip')?.message} />
      <button class="button" type="submit">
        {t('book.find')}
      </button>
    </form>
  );
}

/** The clinic and clinician choices ("any" first), for booking and for moving a visit. */
export function ClinicAndClinician({
  ctx,
  d,
  choice,
  error,
}: {
  ctx: PageContext;
  d: Directory;
  choice: { location?: string; provider?: string };
  error: string | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <div class="form-group">
        <label class="label" for="location">
          {t('book.location')}
        </label>
        <select class="input" id="location" name="location">
          <option value="">{t('book.location.any')}</option>
          {d.locations.map((l) => (
            <option value={l.slug} selected={choice.location === l.slug}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div class={error ? 'form-group has-error' : 'form-group'}>
        <label class="label" for="provider">
          {t('book.provider')}
        </label>
        <ErrorMessage ctx={ctx} id="provider-error" message={error} />
        <select
          class="input"
          id="provider"
          name="provider"
          aria-describedby={error ? 'provider-error' : undefined}
        >
          <option value="">{t('book.provider.any')}</option>
          {d.providers.map((p) => (
            <option value={p.slug} selected={choice.provider === p.slug}>
              {p.displayName} – {t(`providers.specialty.${p.specialty}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** Optional: a ZIP code puts the nearest clinics first when any clinic will do. */
function ZipField({ ctx, value, error }: { ctx: PageContext; value: string; error: string | undefined }) {
  return (
    <div class={error ? 'form-group has-error' : 'form-group'}>
      <label class="label" for="zip">
        {ctx.t('book.zip.label')}
      </label>
      <div id="zip-hint" class="hint">
        {ctx.t('book.zip.hint')}
      </div>
      <ErrorMessage ctx={ctx} id="zip-error" message={error} />
      <input
        class="input width-5"
        id="zip"
        name="zip"
        type="text"
        inputmode="numeric"
        autocomplete="postal-code"
        maxlength={10}
        value={value}
        aria-describedby={error ? 'zip-hint zip-error' : 'zip-hint'}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function VisitSummary({
  ctx,
  visitType,
  location,
  provider,
  startMs,
  extra,
}: {
  ctx: PageContext;
  visitType: VisitType;
  location: Location;
  provider: Provider;
  startMs: number;
  extra?: unknown;
}) {
  const { t, locale } = ctx;
  return (
    <dl class="summary-list">
      <div>
        <dt>{t('book.row.when')}</dt>
        <dd>
          {t('book.whenValue', {
            day: dayInZone(locale, startMs, location.timeZone),
            time: timeInZone(locale, startMs, location.timeZone),
            zone: location.zoneName[locale],
          })}
        </dd>
      </div>
      <div>
        <dt>{t('book.row.where')}</dt>
        <dd>
          {location.name}, {location.street}, {location.city}, {location.region} {location.postalCode}
        </dd>
      </div>
      <div>
        <dt>{t('book.row.who')}</dt>
        <dd>
          {provider.displayName}
          {provider.credentials ? `, ${provider.credentials}` : ''}
        </dd>
      </div>
      <div>
        <dt>{t('book.row.what')}</dt>
        <dd>
          {visitType.name[locale]} ({t('clinics.minutes', { minutes: visitType.durationMinutes })})
        </dd>
      </div>
      {extra as never}
    </dl>
  );
}

export const PATIENT_FIELDS = ['givenName', 'familyName', 'birthDate', 'email', 'phone'] as const;

/** The date of birth from a form: its three boxes, or one `birthDate` field (see date-boxes.tsx). */
export const birthDateFromForm = (f: Record<string, string | undefined>) =>
  dateFromBoxes(f, 'birth', 'birthDate');

/** The typed details from a posted form (the date of birth from its three boxes). */
export function patientValues(f: Record<string, string | undefined>): Patient {
  const values = Object.fromEntries(
    PATIENT_FIELDS.map((k) => [k, (f[k] ?? '').trim()]),
  ) as unknown as Patient;
  return { ...values, birthDate: birthDateFromForm(f) };
}

/** Which message a refused date of birth gets: missing, impossible, or in the future. */
export function birthDateError(value: string, today: string): MessageKey {
  if (!hasAllParts(value)) return 'book.error.birthDate';
  if (!isRealDate(value)) return 'book.error.birthDateImpossible';
  if (value > today) return 'book.error.birthDateFuture';
  return 'book.error.birthDateImpossible'; // before 1900
}

/** Month, day and year boxes, in the order the page's language writes dates. */
function BirthDateField({
  ctx,
  value,
  error,
}: {
  ctx: PageContext;
  value: string;
  error: string | undefined;
}) {
  return (
    <DateBoxes
      ctx={ctx}
      id="birthDate"
      prefix="birth"
      legend={ctx.t('book.field.birthDate')}
      hint={ctx.t('book.dob.hint')}
      value={value}
      error={error}
      autocomplete="bday"
    />
  );
}
export type PatientField = (typeof PATIENT_FIELDS)[number];

export function DetailsForm({
  ctx,
  action,
  values,
  errors,
  hidden,
  fieldsOnly,
  emailHint,
  smsReminders,
  offerSms,
}: {
  ctx: PageContext;
  action: string;
  values: Partial<Patient>;
  errors: FormError[];
  hidden: Record<string, string>;
  /** Only the five fields, for a form that has more (the waiting list). */
  fieldsOnly?: boolean;
  /** What the email address is for, when it is not a booking's confirmation (the waiting list). */
  emailHint?: string;
  smsReminders?: boolean;
  /** Offer text reminders (only when an SMS gateway is configured). */
  offerSms?: boolean;
}) {
  const { t } = ctx;
  const field = (name: PatientField, type: string, autocomplete: string, width: string, hint?: string) => {
    const error = errors.find((e) => e.href === name)?.message;
    const described =
      [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class={error ? 'form-group has-error' : 'form-group'}>
        <label class="label" for={name}>
          {t(`book.field.${name}`)}
        </label>
        {hint ? (
          <div id={`${name}-hint`} class="hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage ctx={ctx} id={`${name}-error`} message={error} />
        <input
          class={`input ${width}`}
          id={name}
          name={name}
          type={type}
          autocomplete={autocomplete}
          value={values[name] ?? ''}
          aria-describedby={described}
          spellcheck={false}
        />
      </div>
    );
  };
  const fields = (
    <>
      {field('givenName', 'text', 'given-name', 'width-20')}
      {field('familyName', 'text', 'family-name', 'width-20')}
      <BirthDateField
        ctx={ctx}
        value={values.birthDate ?? ''}
        error={errors.find((e) => e.href === 'birthDate')?.message}
      />
      {field('email', 'email', 'email', 'width-20', emailHint ?? t('book.field.email.hint'))}
      {field('phone', 'tel', 'tel', 'width-20')}
    </>
  );
  if (fieldsOnly) return fields;
  return (
    <form method="post" action={action} novalidate>
      {Object.entries(hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      {fields}
      {offerSms ? (
        <div class="form-group">
          <div class="checkbox">
            <input
              id="smsReminders"
              name="smsReminders"
              type="checkbox"
              value="yes"
              checked={smsReminders}
              aria-describedby="smsReminders-hint"
            />
            <label for="smsReminders">{t('book.field.sms')}</label>
            <div id="smsReminders-hint" class="hint">
              {t('book.field.sms.hint')}
            </div>
          </div>
        </div>
      ) : null}
      <button class="button" type="submit">
        {t('sc.continue')}
      </button>
    </form>
  );
}

export { BackLink, ErrorSummary };

/** Said before confirming: the clinician does not speak the language of this booking. */
export function LanguageNotice({
  ctx,
  provider,
}: {
  ctx: PageContext;
  provider: { displayName: string; languages: string[] };
}) {
  if (provider.languages.includes(ctx.locale)) return null;
  return <p class="notice">{ctx.t('book.language.notice', { provider: provider.displayName })}</p>;
}
