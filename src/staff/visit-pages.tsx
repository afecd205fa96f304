/**
 * One visit, for staff: its details, and the front desk's cancel, undo of a cancel and resent
 * confirmation (moving is in move-pages.tsx). The patient gets the usual notice with their own
 * link; the freed time goes to the waiting list. One audit event per request.
 */
import type { Hono } from 'hono';
import {
  resendConfirmation,
  restoreVisit,
  type StoredAppointment,
  staffCancelAppointment,
} from '../scheduling/index.js';
import { birthDate, dateInZone } from '../platform/i18n/format.js';
import { readsIntake } from './roles.js';
import { visitHelpers } from './visit-helpers.js';
import { named, staffLocale, t, type StaffContext, type StaffEnv, type StaffKit } from './staff-kit.js';
import { FormErrors, problemMessages } from './visit-views.js';

/** Why staff cancel a visit, kept in the audit event as a code (never free text). */
const CANCEL_REASONS = [
  'patient-asked',
  'provider-unavailable',
  'clinic-closed',
  'booked-in-error',
  'other',
] as const;

export function visitRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { page, commandContext, visibleAppointment, requireDesk, isNetworkAdmin } = kit;

  const { auditRead, describe, dayOf, changeable } = visitHelpers(kit);

  // ---------------------------------------------------------------- the visit

  pages.get('/staff/appointments/:id', async (c) => {
    const session = c.get('staff');
    const a = await visibleAppointment(c, c.req.param('id'), 'read');
    await auditRead(c, a);
    const { location, provider, visitType, when } = await describe(a);
    const row = (label: string, value: unknown) => (
      <div>
        <dt>{label}</dt>
        <dd>{value as never}</dd>
      </div>
    );
    const title = `${a.patient.givenName} ${a.patient.familyName}`;
    return page(
      c,
      title,
      <div class="narrow">
        {c.req.query('done') === 'resent' ? (
          <p class="notice" role="status">
            {t('staff.resend.done')}
          </p>
        ) : null}
        <h1>{title}</h1>
        <dl class="summary-list">
          {row(t('staff.visit.when'), when)}
          {row(t('staff.visit.where'), location.name)}
          {row(t('staff.visit.who'), provider.displayName)}
          {row(t('staff.visit.what'), named(visitType.name))}
          {row(t('staff.col.status'), t(`staff.status.${a.status}`))}
          {row(t('staff.col.birthDate'), birthDate(staffLocale(), a.patient.birthDate))}
          {row(t('staff.visit.email'), a.patient.email ?? t('staff.patient.notGiven'))}
          {row(t('staff.visit.phone'), a.patient.phone ?? t('staff.patient.notGiven'))}
          {row(
            t('staff.col.intake'),
            a.assessmentId ? (
              !readsIntake(session.user) ? (
                t('staff.intake.yes')
              ) : (
                <a href={`/staff/appointments/${a.id}/intake`}>{t('staff.intake.open')}</a>
              )
            ) : (
              t('staff.intake.none')
            ),
          )}
        </dl>
        {changeable(a) && session.user.role !== 'provider' ? (
          <p class="actions">
            <a class="button" href={`/staff/appointments/${a.id}/reschedule`}>
              {t('staff.action.reschedule')}
            </a>{' '}
            <a class="button warning" href={`/staff/appointments/${a.id}/cancel`}>
              {t('staff.action.cancel')}
            </a>
          </p>
        ) : null}
        {changeable(a) && session.user.role !== 'provider' ? (
          <form method="post" action={`/staff/appointments/${a.id}/resend`}>
            <input type="hidden" name="_csrf" value={session.csrf} />
            <p class="hint">{t('staff.resend.hint')}</p>
            <button class="button secondary" type="submit">
              {t('staff.resend.button')}
            </button>
          </form>
        ) : null}
        <p>
          <a href={`/staff/patients/${a.patientId}`}>{t('staff.visit.patient')}</a>
        </p>
        {(await isNetworkAdmin(session.user)) ? (
          <p>
            <a href={`/staff/audit?patient=${a.patientId}`}>{t('staff.visit.auditTrail')}</a>
          </p>
        ) : null}
        <p>
          <a
            href={`/staff?location=${location.slug}&date=${dateInZone(a.startsAt.getTime(), location.timeZone)}`}
          >
            {t('staff.visit.back')}
          </a>
        </p>
      </div>,
      200,
      session,
    );
  });

  // ---------------------------------------------------------------- undo a cancel

  pages.post('/staff/appointments/:id/restore', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'restore');
    await requireDesk(c, 'restore', a.id);
    try {
      const restored = await restoreVisit(commandContext(c), a.id);
      const { location } = await describe(restored);
      return c.redirect(dayOf(restored, location.slug, location.timeZone, 'restored'), 303);
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      return kit.refused(c, messages, { href: `/staff/appointments/${a.id}`, label: t('staff.resend.back') });
    }
  });

  // ---------------------------------------------------------------- send the confirmation again

  pages.post('/staff/appointments/:id/resend', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'resend-confirmation');
    await requireDesk(c, 'resend-confirmation', a.id);
    try {
      await resendConfirmation(commandContext(c), a.id);
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      return kit.refused(c, messages, { href: `/staff/appointments/${a.id}`, label: t('staff.resend.back') });
    }
    return c.redirect(`/staff/appointments/${a.id}?done=resent`, 303);
  });

  // ---------------------------------------------------------------- cancel

  const cancelPage = async (
    c: StaffContext,
    a: StoredAppointment,
    errors?: string[],
    status: 200 | 409 = 200,
  ) => {
    const { whenInSentence, location } = await describe(a);
    return page(
      c,
      t('staff.cancel.title'),
      <div class="narrow">
        <FormErrors messages={errors} href="#reason" />
        <h1>{t('staff.cancel.title')}</h1>
        <p>
          {a.patient.givenName} {a.patient.familyName}, {whenInSentence}, {location.name}
        </p>
        <p>{t('staff.cancel.lead')}</p>
        <form method="post" action={`/staff/appointments/${a.id}/cancel`}>
          <input type="hidden" name="_csrf" value={c.get('staff').csrf} />
          <fieldset class="form-group" id="reason">
            <legend class="label">{t('staff.cancel.reason')}</legend>
            <div class="hint">{t('staff.cancel.reasonHint')}</div>
            <div class="radios">
              {CANCEL_REASONS.map((r, i) => (
                <div class="radio">
                  <input type="radio" id={`reason-${r}`} name="reason" value={r} checked={i === 0} />
                  <label for={`reason-${r}`}>{t(`staff.cancel.reason.${r}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <button class="button warning" type="submit">
            {t('staff.cancel.confirm')}
          </button>
        </form>
        <p>
          <a href={`/staff/appointments/${a.id}`}>{t('staff.cancel.keep')}</a>
        </p>
      </div>,
      status,
      c.get('staff'),
    );
  };

  pages.get('/staff/appointments/:id/cancel', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'read');
    await requireDesk(c, 'read', a.id);
    await auditRead(c, a);
    return cancelPage(c, a);
  });

  pages.post('/staff/appointments/:id/cancel', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'cancel');
    await requireDesk(c, 'cancel', a.id);
    const form = await c.req.parseBody();
    // A reason from a fixed list: free text in the audit trail could carry clinical details.
    const reason = CANCEL_REASONS.find((r) => r === form.reason) ?? 'other';
    try {
      const cancelled = await staffCancelAppointment(commandContext(c), a.id, reason);
      const { location } = await describe(cancelled);
      return c.redirect(dayOf(cancelled, location.slug, location.timeZone, 'cancelled'), 303);
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      await auditRead(c, a);
      return cancelPage(c, a, messages, 409);
    }
  });
}
