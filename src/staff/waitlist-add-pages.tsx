/**
 * Adding a caller to the waiting list at the front desk (no time suits them today): the same
 * entry, rules and audit events as joining online (scheduling's joinWaitlist). A caller without
 * an email address hears about a freed time by text message where a gateway is set up, and the
 * desk's list shows their phone number to call them otherwise.
 */
import type { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { homeZone } from '../directory/index.js';
import { dateInZone, isRealDate } from '../platform/i18n/format.js';
import { joinWaitlist, MAX_WAIT_DAYS } from '../scheduling/index.js';
import { named, t, type StaffContext, type StaffEnv, type StaffKit } from './staff-kit.js';
import { formValues, patientFromForm, PatientFields, type FormValues } from './patient-form.js';
import { ClinicSelect, FormErrors, problemMessages } from './visit-views.js';

/** Two weeks ahead unless the caller says otherwise. */
const DEFAULT_SPAN_DAYS = 14;

export function waitlistAddRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { scheduling, now, page, commandContext, requireDesk } = kit;

  /** The form's choices: the user's clinics, the chosen one's visit types and providers. */
  const choices = async (c: StaffContext, values: FormValues) => {
    const { user } = c.get('staff');
    const d = await scheduling.directory.get();
    const myLocations = d.locations.filter((l) => user.locationIds.includes(l.id));
    const location = kit.chosenClinic(c, myLocations, values.location);
    const worksHere = (p: { locations: string[] }) =>
      location ? p.locations.includes(location.slug) : false;
    const visitTypes = d.visitTypes.filter((v) =>
      d.providers.some((p) => worksHere(p) && v.providers.includes(p.slug)),
    );
    const visitType = visitTypes.find((v) => v.slug === values.visitType);
    const providers = visitType
      ? d.providers.filter((p) => worksHere(p) && visitType.providers.includes(p.slug))
      : [];
    const today = dateInZone(now().getTime(), location?.timeZone ?? homeZone(d));
    return { myLocations, location, visitTypes, visitType, providers, today };
  };

  const addPage = async (c: StaffContext, values: FormValues, errors?: string[], status: 200 | 422 = 200) => {
    const { csrf } = c.get('staff');
    const { myLocations, location, visitTypes, providers, today } = await choices(c, values);
    const from = values.from || today;
    const to = values.to || Temporal.PlainDate.from(today).add({ days: DEFAULT_SPAN_DAYS }).toString();
    const select = (id: string, label: string, options: { value: string; name: string }[], any: string) => (
      <div class="form-group">
        <label class="label" for={id}>
          {label}
        </label>
        <select class="input" id={id} name={id}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option value={o.value} selected={o.value === values[id]}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    );
    return page(
      c,
      t('staff.waitlistAdd.title'),
      <div class="narrow">
        <FormErrors messages={errors} href="#visitType" />
        <h1>{t('staff.waitlistAdd.title')}</h1>
        <p>{t('staff.waitlistAdd.lead')}</p>
        {/* Choosing the clinic first narrows the visit types and providers (a GET, no JavaScript). */}
        <form method="get" action="/staff/waitlist/new" class="filters">
          <ClinicSelect locations={myLocations} chosenId={location?.id} />
          <div class="form-group">
            <button class="button secondary" type="submit">
              {t('staff.waitlistAdd.chooseClinic')}
            </button>
          </div>
        </form>
        <form method="post" action="/staff/waitlist/new" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="location" value={location?.slug ?? ''} />
          {select(
            'visitType',
            t('staff.visit.what'),
            visitTypes.map((v) => ({ value: v.slug, name: named(v.name) })),
            t('staff.book.chooseType'),
          )}
          {select(
            'provider',
            t('staff.visit.who'),
            // Before a visit type is chosen: everyone who works here (the check happens on saving).
            (providers.length ? providers : []).map((p) => ({ value: p.slug, name: p.displayName })),
            t('staff.book.anyProvider'),
          )}
          <div class="form-group">
            <label class="label" for="from">
              {t('staff.waitlistAdd.from')}
            </label>
            <input class="input width-10" id="from" name="from" type="date" value={from} min={today} />
          </div>
          <div class="form-group">
            <label class="label" for="to">
              {t('staff.waitlistAdd.to')}
            </label>
            <div class="hint" id="to-hint">
              {t('staff.waitlistAdd.toHint', { days: MAX_WAIT_DAYS })}
            </div>
            <input
              class="input width-10"
              id="to"
              name="to"
              type="date"
              value={to}
              aria-describedby="to-hint"
            />
          </div>
          <PatientFields values={values} smsAvailable={scheduling.smsAvailable} waitlist />
          <button class="button" type="submit">
            {t('staff.waitlistAdd.submit')}
          </button>
        </form>
      </div>,
      status,
      c.get('staff'),
    );
  };

  pages.get('/staff/waitlist/new', async (c) => {
    await requireDesk(c, 'create', null, 'waitlist-entry');
    return addPage(c, c.req.query());
  });

  pages.post('/staff/waitlist/new', async (c) => {
    await requireDesk(c, 'create', null, 'waitlist-entry');
    const values = formValues(await c.req.parseBody());
    const { location, visitType, providers, today } = await choices(c, values);
    const provider = values.provider ? providers.find((p) => p.slug === values.provider) : undefined;
    const { from, to } = values;
    const fromOk = isRealDate(from ?? '') && from! >= today;
    const toOk =
      fromOk &&
      isRealDate(to ?? '') &&
      to! >= from! &&
      Temporal.PlainDate.from(from!).until(Temporal.PlainDate.from(to!)).days <= MAX_WAIT_DAYS;
    const patient = patientFromForm(values);
    const errors = [
      ...(location && location.slug === values.location ? [] : [t('staff.book.noClinic')]),
      ...(visitType ? [] : [t('staff.waitlistAdd.err.visitType')]),
      ...(values.provider && !provider ? [t('staff.waitlistAdd.err.provider')] : []),
      ...(fromOk ? [] : [t('staff.waitlistAdd.err.from')]),
      ...(toOk || !fromOk ? [] : [t('staff.waitlistAdd.err.to', { days: MAX_WAIT_DAYS })]),
      ...patient.errors,
    ];
    if (errors.length || !location || !visitType || !patient.patient) return addPage(c, values, errors, 422);
    try {
      await joinWaitlist(commandContext(c), {
        visitType: visitType.slug,
        location: location.slug,
        ...(provider ? { provider: provider.slug } : {}),
        from: from!,
        to: to!,
        patient: patient.patient,
        language: values.language === 'es' ? 'es' : 'en',
      });
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      return addPage(c, values, messages, 422);
    }
    return c.redirect(
      `/staff/waitlist?${new URLSearchParams({ location: location.slug, done: 'added' })}`,
      303,
    );
  });
}
