/**
 * The patient part of the front desk's forms (booking by phone, adding a caller to the waiting
 * list): name, birth date, email and phone (either is enough: a caller may have no email), and
 * the language their messages are in; parsed with the same rules and words as the online forms.
 */
import { parseTypedDate } from '../platform/i18n/format.js';
import { reachablePatientSchema } from '../scheduling/index.js';
import { t } from './staff-kit.js';
import { TextField } from './visit-views.js';

export const PATIENT_FIELDS = ['givenName', 'familyName', 'birthDate', 'email', 'phone'] as const;
export type FormValues = Record<string, string>;

/** A posted form's string fields, trimmed and bounded (files and repeated fields are dropped). */
export function formValues(form: Record<string, unknown>): FormValues {
  return Object.fromEntries(
    Object.entries(form).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.trim().slice(0, 300)]] : [])),
  );
}

/** The patient a form describes, or one plain message per field that is wrong. */
export function patientFromForm(values: FormValues) {
  const given = Object.fromEntries(PATIENT_FIELDS.map((k) => [k, values[k] ?? '']));
  // A caller says the month first, and the desk types it so (04/23/1980), as in the patient search.
  const parsed = reachablePatientSchema.safeParse({
    ...given,
    birthDate: parseTypedDate(given.birthDate!) ?? given.birthDate,
  });
  if (parsed.success) return { patient: parsed.data, errors: [] as string[] };
  return {
    patient: undefined,
    errors: PATIENT_FIELDS.flatMap((f) => {
      const issue = parsed.error.issues.find((i) => i.path[0] === f);
      if (!issue) return [];
      // The one rule across fields: neither an email address nor a phone number.
      return [issue.code === 'custom' ? t('staff.book.noContact') : t(`staff.book.error.${f}`)];
    }),
  };
}

export function PatientFields({
  values,
  smsAvailable,
  waitlist = false,
}: {
  values: FormValues;
  smsAvailable: boolean;
  /** For the waiting list: without an email, what the caller is told about is a freed time. */
  waitlist?: boolean;
}) {
  const emailHint = waitlist ? 'staff.waitlistAdd.emailHint' : 'staff.book.emailHint';
  return (
    <>
      <h2>{t('staff.book.patient')}</h2>
      <TextField id="givenName" label={t('book.field.givenName')} value={values.givenName} />
      <TextField id="familyName" label={t('book.field.familyName')} value={values.familyName} />
      <TextField
        id="birthDate"
        label={t('book.field.birthDate')}
        value={values.birthDate}
        hint={t('staff.book.birthDateHint')}
        width="width-10"
      />
      <TextField
        id="email"
        label={t('book.field.email')}
        value={values.email}
        type="email"
        hint={t(`${emailHint}.${smsAvailable ? 'sms' : 'noSms'}`)}
      />
      <TextField id="phone" label={t('book.field.phone')} value={values.phone} type="tel" width="width-10" />
      <fieldset class="form-group">
        <legend class="label">{t('staff.book.language')}</legend>
        <div class="radios inline">
          {(['en', 'es'] as const).map((l) => (
            <div class="radio">
              <input
                type="radio"
                id={`language-${l}`}
                name="language"
                value={l}
                checked={(values.language || 'en') === l}
              />
              <label for={`language-${l}`}>{t(`staff.book.language.${l}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </>
  );
}
