/**
 * Visits waiting for a decision: kept over a clinic closure or a clinician's time off, their
 * reminders held (scheduling's visit-messages.ts) until the front desk has called the patient
 * and kept, moved or cancelled each one. Moving and cancelling use the visit's own pages (which
 * clear the decision); keeping is a button here.
 */
import { locationById, providerById, visitTypeById } from '../directory/index.js';
import type { Hono } from 'hono';
import { recordAudit } from '../audit/index.js';
import { dayInZone, timeInZone } from '../platform/i18n/format.js';
import { keepVisit, listDecisionsDue } from '../scheduling/index.js';
import { problemMessages } from './visit-views.js';
import { named, staffLocale, t, type StaffEnv, type StaffKit } from './staff-kit.js';

export function decisionRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, staffActor, commandContext, visibleAppointment, requireDesk } = kit;

  pages.get('/staff/decisions', async (c) => {
    await requireDesk(c, 'decisions', null, 'appointment');
    const session = c.get('staff');
    const d = await scheduling.directory.get();
    const visits = await listDecisionsDue(db, session.user.locationIds);
    // Each visit shown is a read of health data (name and phone): one event each.
    for (const a of visits)
      await recordAudit(db, {
        ...staffActor(c),
        action: 'list',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    const done = c.req.query('done') === 'kept';
    return page(
      c,
      t('staff.decisions.title'),
      <>
        {done ? (
          <p class="notice" role="status">
            {t('staff.decisions.kept')}
          </p>
        ) : null}
        <h1>{t('staff.decisions.title')}</h1>
        <p>{t('staff.decisions.lead')}</p>
        {visits.length === 0 ? (
          <p>{t('staff.decisions.none')}</p>
        ) : (
          <table class="schedule card-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.visit.when')}</th>
                <th scope="col">{t('staff.col.patient')}</th>
                <th scope="col">{t('staff.col.phone')}</th>
                <th scope="col">{t('staff.col.visit')}</th>
                <th scope="col">{t('staff.decisions.why')}</th>
                <th scope="col">{t('staff.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((a) => {
                const l = locationById(d, a.locationId)!;
                const p = providerById(d, a.providerId)!;
                const v = visitTypeById(d, a.visitTypeId)!;
                const ms = a.startsAt.getTime();
                const who = `${a.patient.givenName} ${a.patient.familyName}`;
                return (
                  <tr>
                    <td data-label={t('staff.visit.when')}>
                      {dayInZone(staffLocale(), ms, l.timeZone)}, {timeInZone(staffLocale(), ms, l.timeZone)}
                      <span class="muted birth-date">{l.name}</span>
                    </td>
                    <td data-label={t('staff.col.patient')}>
                      <a href={`/staff/appointments/${a.id}`}>
                        {a.patient.familyName}, {a.patient.givenName}
                      </a>
                    </td>
                    <td data-label={t('staff.col.phone')}>
                      {a.patient.phone ? (
                        <a href={`tel:${a.patient.phone.replace(/[^\d+]/g, '')}`}>{a.patient.phone}</a>
                      ) : (
                        (a.patient.email ?? '–')
                      )}
                    </td>
                    <td data-label={t('staff.col.visit')}>
                      {named(v.name)} · {p.displayName}
                    </td>
                    <td data-label={t('staff.decisions.why')}>
                      <span class="flag flag-late">
                        {t(`staff.decisions.reason.${a.decisionDue ?? 'closure'}`)}
                      </span>
                    </td>
                    <td class="actions">
                      <form method="post" action={`/staff/appointments/${a.id}/keep`}>
                        <input type="hidden" name="_csrf" value={session.csrf} />
                        <button class="button secondary" type="submit">
                          {t('staff.decisions.keep')}
                          <span class="visually-hidden"> ({who})</span>
                        </button>
                      </form>
                      <a class="button secondary" href={`/staff/appointments/${a.id}/reschedule`}>
                        {t('staff.action.reschedule')}
                        <span class="visually-hidden"> ({who})</span>
                      </a>
                      <a class="button warning" href={`/staff/appointments/${a.id}/cancel`}>
                        {t('staff.action.cancel')}
                        <span class="visually-hidden"> ({who})</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </>,
      200,
      session,
    );
  });

  pages.post('/staff/appointments/:id/keep', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'keep');
    await requireDesk(c, 'keep', a.id);
    try {
      await keepVisit(commandContext(c), a.id);
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      return kit.refused(c, messages, { href: '/staff/decisions', label: t('staff.decisions.title') });
    }
    return c.redirect('/staff/decisions?done=kept', 303);
  });
}
