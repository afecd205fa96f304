/**
 * One patient, for staff: their details and the visits this user may see (a provider: their
 * own; others: at their clinics), and, for the front desk and administrators, a correction of
 * the contact details. Someone with no visible visit gets "not found", like any hidden record.
 * One audit event per record shown or changed. The visits are a table that becomes labelled
 * cards on a phone, like the other staff lists.
 */
import { locationById, providerById } from '../directory/index.js';
import type { Hono } from 'hono';
import { recordAudit } from '../audit/index.js';
import { birthDate, dayInZone, timeInZone } from '../platform/i18n/format.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import { NotFound, ValidationFailed } from '../platform/http/problem.js';
import {
  correctPatientContact,
  NO_CONTACT,
  findPatient,
  visitsOfPatient,
  type PatientRecord,
  type StoredAppointment,
} from '../scheduling/index.js';
import { staffLocale, t, type StaffContext, type StaffEnv, type StaffKit } from './staff-kit.js';
import { CardTable } from './card-table.js';
import { FormErrors } from './visit-views.js';

export function patientRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, staffActor, commandContext } = kit;

  /** The patient and the visits this user may see, or a denial (audited) that looks like 404. */
  const visiblePatient = async (c: StaffContext, id: string, action: string) => {
    const { user } = c.get('staff');
    const patient = UUID_PATTERN.test(id) ? await findPatient(db, id) : undefined;
    const visits = patient
      ? (await visitsOfPatient(db, patient.id)).filter(
          (a) =>
            user.locationIds.includes(a.locationId) &&
            (user.role !== 'provider' || a.providerId === user.providerId),
        )
      : [];
    if (!patient || !visits.length) {
      await recordAudit(db, {
        ...staffActor(c),
        action,
        entityType: 'patient',
        entityId: patient?.id ?? null,
        outcome: patient ? 'denied' : 'not-found',
      });
      throw new NotFound();
    }
    return { patient, visits };
  };

  const render = async (
    c: StaffContext,
    patient: PatientRecord,
    visits: StoredAppointment[],
    form: {
      errors?: string[];
      values?: { email: string | null; phone: string | null };
      saved?: boolean;
    } = {},
  ) => {
    const session = c.get('staff');
    const audit = (entityType: string, entityId: string) =>
      recordAudit(db, { ...staffActor(c), action: 'read', entityType, entityId, outcome: 'success' });
    await audit('patient', patient.id);
    for (const a of visits) await audit('appointment', a.id);
    const d = await scheduling.directory.get();
    const title = `${patient.givenName} ${patient.familyName}`;
    const values = form.values ?? { email: patient.email, phone: patient.phone };
    const row = (label: string, value: string) => (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    );
    return page(
      c,
      form.errors?.length ? `Error: ${title}` : title,
      <div class="narrow">
        <FormErrors messages={form.errors} href="#email" />
        {form.saved ? (
          <p class="notice" role="status">
            {t('staff.patient.saved')}
          </p>
        ) : null}
        <h1>{title}</h1>
        <dl class="summary-list">
          {row(t('staff.col.birthDate'), birthDate(staffLocale(), patient.birthDate))}
          {row(t('staff.visit.email'), patient.email ?? t('staff.patient.notGiven'))}
          {row(t('staff.visit.phone'), patient.phone ?? t('staff.patient.notGiven'))}
          {row(t('staff.patient.language'), t(`staff.patient.language.${patient.language}`))}
        </dl>
        <h2>{t('staff.patient.visits')}</h2>
        <CardTable
          columns={[
            t('staff.visit.when'),
            t('staff.visit.where'),
            t('staff.visit.who'),
            t('staff.col.status'),
          ]}
          rows={visits.map((a) => {
            const l = locationById(d, a.locationId)!;
            const ms = a.startsAt.getTime();
            return [
              <a href={`/staff/appointments/${a.id}`}>
                {dayInZone(staffLocale(), ms, l.timeZone)}, {timeInZone(staffLocale(), ms, l.timeZone)}
              </a>,
              l.name,
              providerById(d, a.providerId)?.displayName,
              t(`staff.status.${a.status}`),
            ];
          })}
        />
        {session.user.role === 'provider' ? null : (
          <form method="post" action={`/staff/patients/${patient.id}/contact`} novalidate>
            <h2>{t('staff.patient.contact')}</h2>
            <p class="hint">{t('staff.patient.contactLead')}</p>
            <input type="hidden" name="_csrf" value={session.csrf} />
            <div class="form-group">
              <label class="label" for="email">
                {t('staff.visit.email')}
              </label>
              <input
                class="input width-20"
                id="email"
                name="email"
                type="email"
                autocomplete="off"
                spellcheck={false}
                value={values.email ?? ''}
              />
            </div>
            <div class="form-group">
              <label class="label" for="phone">
                {t('staff.visit.phone')}
              </label>
              <input
                class="input width-10"
                id="phone"
                name="phone"
                type="tel"
                autocomplete="off"
                value={values.phone ?? ''}
              />
            </div>
            <button class="button" type="submit">
              {t('staff.patient.save')}
            </button>
          </form>
        )}
      </div>,
      form.errors?.length ? 422 : 200,
      session,
    );
  };

  pages.get('/staff/patients/:id', async (c) => {
    const { patient, visits } = await visiblePatient(c, c.req.param('id'), 'read');
    return render(c, patient, visits, { saved: c.req.query('saved') === '1' });
  });

  pages.post('/staff/patients/:id/contact', async (c) => {
    const { patient, visits } = await visiblePatient(c, c.req.param('id'), 'update');
    await kit.requireDesk(c, 'update', patient.id, 'patient');
    const form = await c.req.parseBody();
    const values = {
      email: typeof form.email === 'string' ? form.email.trim() : '',
      phone: typeof form.phone === 'string' ? form.phone.trim() : '',
    };
    try {
      await correctPatientContact(commandContext(c), patient.id, values);
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      const errors = error.errors.map((e) =>
        t(
          e.detail === NO_CONTACT
            ? 'staff.book.noContact'
            : e.field === 'email'
              ? 'staff.patient.err.email'
              : 'staff.patient.err.phone',
        ),
      );
      return render(c, patient, visits, { errors, values });
    }
    return c.redirect(`/staff/patients/${patient.id}?saved=1`, 303);
  });
}
