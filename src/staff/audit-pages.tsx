/**
 * For administrators: the audit trail (page and API). The outbox is in outbox-pages.tsx.
 */
import { listAuditEvents, recordAudit, type AuditFilter } from '../audit/index.js';
import { clientAddress } from '../platform/http/client.js';
import { readCookie } from '../platform/http/cookies.js';
import { NotFound } from '../platform/http/problem.js';
import { isRealDate } from '../platform/i18n/format.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import { loadSession, sessionCookieName } from './auth.js';

/** A filter value that matches nothing (an unknown email or a malformed patient id). */
const NOBODY = '00000000-0000-0000-0000-000000000000';

import type { Hono } from 'hono';
import { networkAdmin, t, type StaffEnv, type StaffKit } from './staff-kit.js';

export function auditRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, now, page, staffActor, requireAdmin } = kit;

  /**
   * The filters of the page and the API: a staff user by id or email, a record id, a patient
   * (their id: every visit, result and waiting-list entry of theirs), a UTC date.
   */
  const filterFrom = async (q: Record<string, string>): Promise<AuditFilter> => {
    const user = (q.user ?? '').trim();
    const byEmail = user.includes('@')
      ? await db.query<{ id: string }>('SELECT id FROM staff_users WHERE lower(email) = lower($1)', [user])
      : [];
    const patient = (q.patient ?? '').trim();
    return {
      actorId: user.includes('@') ? (byEmail[0]?.id ?? NOBODY) : user || undefined,
      entityId: (q.entity ?? '').trim() || undefined,
      patientId: UUID_PATTERN.test(patient) ? patient : patient ? NOBODY : undefined,
      date: q.date && isRealDate(q.date) ? q.date : undefined,
    };
  };

  /** Who did it, readable: staff emails instead of ids. */
  const staffEmails = async () =>
    new Map(
      (await db.query<{ id: string; email: string }>('SELECT id, email FROM staff_users')).map((u) => [
        u.id,
        u.email,
      ]),
    );

  pages.get('/staff/audit', async (c) => {
    await requireAdmin(c, 'audit-events');
    const q = c.req.query();
    const events = await listAuditEvents(db, await filterFrom(q));
    const emails = await staffEmails();
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read',
      entityType: 'audit-events',
      outcome: 'success',
    });
    const session = c.get('staff');
    return page(
      c,
      t('staff.audit.title'),
      <>
        <h1>{t('staff.audit.title')}</h1>
        <form method="get" action="/staff/audit" class="filters">
          <div class="form-group">
            <label class="label" for="user">
              {t('staff.audit.user')}
            </label>
            <input class="input width-20" id="user" name="user" value={q.user ?? ''} />
          </div>
          <div class="form-group">
            <label class="label" for="patient">
              {t('staff.audit.patient')}
            </label>
            <input class="input width-20" id="patient" name="patient" value={q.patient ?? ''} />
          </div>
          <div class="form-group">
            <label class="label" for="entity">
              {t('staff.audit.entity')}
            </label>
            <input class="input width-20" id="entity" name="entity" value={q.entity ?? ''} />
          </div>
          <div class="form-group">
            <label class="label" for="date">
              {t('staff.audit.date')}
            </label>
            <input class="input width-10" id="date" name="date" value={q.date ?? ''} />
          </div>
          <div class="form-group">
            <button class="button secondary" type="submit">
              {t('staff.audit.filter')}
            </button>
          </div>
        </form>
        <table>
          <thead>
            <tr>
              <th>{t('staff.audit.when')}</th>
              <th>{t('staff.audit.who')}</th>
              <th>{t('staff.audit.what')}</th>
              <th>{t('staff.audit.action')}</th>
              <th>{t('staff.audit.outcome')}</th>
              <th>{t('staff.audit.from')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{e.occurred_at.toISOString()}</td>
                <td>
                  {e.actor_type}
                  {e.actor_id ? ` ${emails.get(e.actor_id) ?? e.actor_id}` : ''}
                </td>
                <td>
                  {e.entity_type}
                  {e.entity_id ? ` ${e.entity_id}` : ''}
                </td>
                <td>{e.action}</td>
                <td>{e.outcome}</td>
                <td>{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
      200,
      session,
    );
  });

  pages.get('/api/v1/audit-events', async (c) => {
    const session = await loadSession(
      db,
      readCookie(c, sessionCookieName(kit.deps.secureCookies)),
      now(),
      kit.deps.session,
    );
    if (!session || !(await networkAdmin(kit.scheduling.directory, session.user))) {
      await recordAudit(db, {
        actorType: 'staff',
        actorId: session?.user.id ?? null,
        action: 'read',
        entityType: 'audit-events',
        outcome: 'denied',
        ip: clientAddress(c),
        requestId: c.get('requestId'),
      });
      throw new NotFound('There is no API endpoint at this path.');
    }
    const q = c.req.query();
    const events = await listAuditEvents(db, await filterFrom(q));
    await recordAudit(db, {
      actorType: 'staff',
      actorId: session.user.id,
      action: 'read',
      entityType: 'audit-events',
      outcome: 'success',
      ip: clientAddress(c),
      requestId: c.get('requestId'),
    });
    return c.json({
      events: events.map((e) => ({
        id: e.id,
        occurredAt: e.occurred_at.toISOString(),
        actorType: e.actor_type,
        actorId: e.actor_id,
        action: e.action,
        entityType: e.entity_type,
        entityId: e.entity_id,
        outcome: e.outcome,
        ip: e.ip,
      })),
    });
  });
}
