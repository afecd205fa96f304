import type { Location } from '../../directory/index.js';
import { longDate, weekdayName } from '../../platform/i18n/format.js';
import { staffLocale, t } from '../staff-kit.js';
import type { Closure } from './admin-store.js';
import { CardTable } from '../card-table.js';
import { RetireSection } from './retirement.js';
import { AdminErrorSummary, Csrf, FieldError, Section, TextField, type FieldErrors } from './admin-views.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export interface ClinicDetails {
  name: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
}

export interface ClinicForms {
  details?: { values: ClinicDetails; errors: FieldErrors };
  hours?: { values: Record<string, string>; errors: FieldErrors };
  closure?: { values: Record<string, string>; errors: FieldErrors };
  notice?: string;
}

/** A clinic's street address and phone, on its page and on the form that adds one. */
export function AddressFields({
  values,
  errors,
}: {
  values: Omit<ClinicDetails, 'name'>;
  errors: FieldErrors;
}) {
  return (
    <>
      <TextField id="street" label={t('admin.clinic.street')} value={values.street} errors={errors} />
      <TextField id="city" label={t('admin.clinic.city')} value={values.city} errors={errors} />
      <TextField
        id="region"
        label={t('admin.clinic.region')}
        value={values.region}
        errors={errors}
        width="width-10"
      />
      <TextField
        id="postalCode"
        label={t('admin.clinic.postalCode')}
        value={values.postalCode}
        errors={errors}
        width="width-10"
      />
      <TextField id="phone" label={t('admin.clinic.phone')} value={values.phone} errors={errors} type="tel" />
    </>
  );
}

/**
 * A clinic's page: details, weekly opening hours and closures. `details`: the details can be
 * edited (network administrators); a clinic manager sees them as text.
 */
/** The longest closure one form adds (a holiday week or two). */
export const MAX_CLOSURE_DAYS = 31;

export function clinicPage(props: {
  l: Location;
  f: ClinicForms;
  closures: Closure[];
  csrf: string;
  details: boolean;
}) {
  const { l, f, closures, csrf } = props;
  const details = f.details?.values ?? {
    name: l.name,
    street: l.street,
    city: l.city,
    region: l.region,
    postalCode: l.postalCode,
    phone: l.phone,
  };
  const hoursValues =
    f.hours?.values ??
    Object.fromEntries(
      l.hours.flatMap((h) => [
        [`opens-${h.weekday}`, h.opens],
        [`closes-${h.weekday}`, h.closes],
      ]),
    );
  const allErrors = { ...f.details?.errors, ...f.hours?.errors, ...f.closure?.errors };
  const de = f.details?.errors ?? {};
  const he = f.hours?.errors ?? {};
  const ce = f.closure?.errors ?? {};
  const title = t('admin.clinic.title', { name: l.name });
  return {
    title,
    errors: allErrors,
    body: (
      <>
        <AdminErrorSummary errors={allErrors} />
        <p class="back-link-row">
          <a href="/staff/admin/clinics">{t('admin.clinics.title')}</a>
        </p>
        <h1>{title}</h1>
        {f.notice ? (
          <p class="inset-warning" role="status">
            {f.notice}
          </p>
        ) : null}
        <Section title={t('admin.clinic.details')}>
          {props.details ? null : (
            <p>
              {l.street}, {l.city}, {l.region} {l.postalCode} · {l.phone}
            </p>
          )}
          {props.details ? (
            <form method="post" action={`/staff/admin/clinics/${l.slug}/details`} novalidate>
              <Csrf token={csrf} />
              <TextField id="name" label={t('admin.clinic.name')} value={details.name} errors={de} />
              <AddressFields values={details} errors={de} />
              <button class="button" type="submit">
                {t('admin.save')}
              </button>
            </form>
          ) : null}
        </Section>
        <Section title={t('admin.hours.title')}>
          <form method="post" action={`/staff/admin/clinics/${l.slug}/hours`} novalidate>
            <Csrf token={csrf} />
            <p class="hint">{t('admin.hours.hint', { zone: l.timeZone })}</p>
            <table class="admin-hours">
              <thead>
                <tr>
                  <th scope="col">{t('admin.hours.day')}</th>
                  <th scope="col">{t('admin.hours.opens')}</th>
                  <th scope="col">{t('admin.hours.closes')}</th>
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((d) => (
                  <tr class={he[`opens-${d}`] || he[`closes-${d}`] ? 'has-error' : ''}>
                    <th scope="row">{weekdayName(staffLocale(), d)}</th>
                    {(['opens', 'closes'] as const).map((k) => (
                      <td>
                        <FieldError id={`${k}-${d}`} message={he[`${k}-${d}`]} />
                        <input
                          class="input width-10"
                          type="time"
                          id={`${k}-${d}`}
                          name={`${k}-${d}`}
                          value={hoursValues[`${k}-${d}`] ?? ''}
                          aria-label={`${weekdayName(staffLocale(), d)}: ${t(k === 'opens' ? 'admin.hours.opens' : 'admin.hours.closes')}`}
                          aria-describedby={he[`${k}-${d}`] ? `${k}-${d}-error` : undefined}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <button class="button" type="submit">
              {t('admin.hours.save')}
            </button>
          </form>
        </Section>
        <Section title={t('admin.closures.title')}>
          {closures.length === 0 ? (
            <p>{t('admin.closures.none')}</p>
          ) : (
            <CardTable
              columns={[t('admin.closure.date'), t('admin.closure.reason'), t('staff.col.actions')]}
              rows={closures.map((x) => [
                longDate(staffLocale(), x.date),
                x.reason[staffLocale()],
                <form method="post" action={`/staff/admin/clinics/${l.slug}/closures/${x.date}/remove`}>
                  <Csrf token={csrf} />
                  <button class="button secondary" type="submit">
                    {t('admin.closure.remove')}
                  </button>
                </form>,
              ])}
            />
          )}
          <h3>{t('admin.closure.add')}</h3>
          <form method="post" action={`/staff/admin/clinics/${l.slug}/closures`} novalidate>
            <Csrf token={csrf} />
            <TextField
              id="closedOn"
              label={t('admin.closure.date')}
              type="date"
              value={f.closure?.values.closedOn ?? ''}
              errors={ce}
              width="width-10"
            />
            <TextField
              id="closedThrough"
              label={t('admin.closure.through')}
              hint={t('admin.closure.throughHint', { days: MAX_CLOSURE_DAYS })}
              type="date"
              value={f.closure?.values.closedThrough ?? ''}
              errors={ce}
              width="width-10"
            />
            <TextField
              id="reason"
              label={t('admin.closure.reason')}
              hint={t('admin.closure.reasonHint')}
              value={f.closure?.values.reason ?? ''}
              errors={ce}
            />
            <TextField
              id="reasonEs"
              label={t('admin.closure.reasonEs')}
              value={f.closure?.values.reasonEs ?? ''}
              errors={ce}
            />
            <button class="button" type="submit">
              {t('admin.closure.add')}
            </button>
          </form>
        </Section>
        {props.details ? <RetireSection kind="location" slug={l.slug} name={l.name} csrf={csrf} /> : null}
      </>
    ),
  };
}
