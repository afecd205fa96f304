/**
 * For administrators: the audit trail (page and API). The outbox is in outbox-pages.tsx.
 */
import { listAuditEvents, recordAudit, type AuditFilter } from '../audit/index.js';
import { clientAddress } from '../platform/http/client.js';
import { readCookie } from '../platform/http/cookies.js';
import { NotFound, ValidationFailed } from '../platform/http/problem.js';
import { dateInZone, parseTypedDate, timeInZone } from '../platform/i18n/format.js';
import { Temporal } from 'temporal-polyfill';
import { homeZone } from '../directory/index.js';
import { AdminErrorSummary } from './admin/admin-views.js';
import { CardTable } from './card-table.js';
import { parsePatientQuery, searchAppointments } from '../scheduling/index.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import { loadSession, sessionCookieName } from './auth.js';

/** Events per page; "Older events" pages on from the last one shown. */
const PAGE_SIZE = 200;

/** A filter value that matches nothing (an unknown email or a malformed patient id). */
const NOBODY = '00000000-0000-0000-0000-000000000000';

import type { Hono } from 'hono';
import { isNetworkAdmin } from './roles.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from './staff-kit.js';

/** Who acted and how it ended, in the page's language (the database allows these values only). */
const ACTORS = ['staff', 'patient', 'api-client', 'system'] as const;
const OUTCOMES = ['success', 'denied', 'not-found', 'invalid'] as const;
const actorWord = (type: string) => {
  const known = ACTORS.find((a) => a === type);
  return known ? t(`staff.audit.actor.${known}`) : type;
};
const outcomeWord = (outcome: string) => {
  const known = OUTCOMES.find((o) => o === outcome);
  return known ? t(`staff.audit.outcome.${known}`) : outcome;
};

export function auditRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, now, page, staffActor, requireAdmin } = kit;

  /**
   * The filters of the page and the API: a staff user by id or email, a record id, a patient
   * (their id: every visit, result and waiting-list entry of theirs), a day as people type it
   * (2026-11-30 or 11/30/2026, the network's local day), and `before` for the next page. A date
   * that cannot be read is an error, never silently ignored.
   */
  const filterFrom = async (
    q: Record<string, string>,
  ): Promise<{ filter: AuditFilter; dateError?: string }> => {
    const user = (q.user ?? '').trim();
    const byEmail = user.includes('@')
      ? await db.query<{ id: string }>('SELECT id FROM staff_users WHERE lower(email) = lower($1)', [user])
      : [];
    const patient = (q.patient ?? '').trim();
    const typed = (q.date ?? '').trim();
    const date = typed ? parseTypedDate(typed) : undefined;
    const zone = homeZone(await kit.scheduling.directory.get());
    const dayStart = (d: string) =>
      new Date(Temporal.PlainDate.from(d).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
    const before = /^\d{1,18}$/.test(q.before ?? '') ? Number(q.before) : undefined;
    return {
      filter: {
        actorId: user.includes('@') ? (byEmail[0]?.id ?? NOBODY) : user || undefined,
        entityId: (q.entity ?? '').trim() || undefined,
        patientIds: await patientsFor(patient),
        ...(date
          ? { from: dayStart(date), to: dayStart(Temporal.PlainDate.from(date).add({ days: 1 }).toString()) }
          : {}),
        before,
        limit: PAGE_SIZE,
      },
      dateError: typed && !date ? t('staff.audit.err.date') : undefined,
    };
  };

  /**
   * The patients a typed value names: their id (from a visit's page), or what the front desk
   * types to find a patient (a name without accents or case, a birth date, a phone, an email).
   * At most 20; a value that finds nobody matches no events (never all of them).
   */
  const patientsFor = async (typed: string): Promise<string[] | undefined> => {
    if (!typed) return undefined;
    if (UUID_PATTERN.test(typed)) return [typed];
    const query = parsePatientQuery(typed);
    if (!query) return [NOBODY];
    const d = await kit.scheduling.directory.get();
    const visits = await searchAppointments(db, {
      // Retired clinics too: their past visits' patients are in the trail.
      locationIds: [...d.locations, ...(d.retired?.locations ?? [])].map((l) => l.id),
      query,
      limit: 200,
    });
    const ids = [...new Set(visits.map((v) => v.patientId))].slice(0, 20);
    return ids.length ? ids : [NOBODY];
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
    const { filter, dateError } = await filterFrom(q);
    const events = dateError ? [] : await listAuditEvents(db, filter);
    const emails = await staffEmails();
    // One event for the page view, whatever it lists.
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read',
      entityType: 'audit-events',
      outcome: dateError ? 'invalid' : 'success',
    });
    const session = c.get('staff');
    const zone = homeZone(await kit.scheduling.directory.get());
    const older =
      events.length === PAGE_SIZE
        ? `/staff/audit?${new URLSearchParams({ ...q, before: String(events.at(-1)!.id) })}`
        : undefined;
    const title = t('staff.audit.title');
    return page(
      c,
      dateError ? `${t('sc.errorPrefix')} ${title}` : title,
      <>
        <AdminErrorSummary errors={dateError ? { date: dateError } : {}} />
        <h1>{title}</h1>
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
          <div class={dateError ? 'form-group has-error' : 'form-group'}>
            <label class="label" for="date">
              {t('staff.audit.date')}
            </label>
            {dateError ? (
              <p class="error-message" id="date-error">
                {dateError}
              </p>
            ) : null}
            <input
              class="input width-10"
              id="date"
              name="date"
              value={q.date ?? ''}
              {...(dateError ? { 'aria-describedby': 'date-error', 'aria-invalid': 'true' } : {})}
            />
          </div>
          <div class="form-group">
            <button class="button secondary" type="submit">
              {t('staff.audit.filter')}
            </button>
          </div>
        </form>
        <CardTable
          columns={[
            t('staff.audit.when'),
            t('staff.audit.who'),
            t('staff.audit.what'),
            t('staff.audit.action'),
            t('staff.audit.outcome'),
            t('staff.audit.from'),
          ]}
          rows={events.map((e) => [
            `${dateInZone(e.occurred_at.getTime(), zone)} ${timeInZone(staffLocale(), e.occurred_at.getTime(), zone)}`,
            `${actorWord(e.actor_type)}${e.actor_id ? ` ${emails.get(e.actor_id) ?? e.actor_id}` : ''}`,
            // The record's type and the action are the trail's own codes (as the API gives them).
            <>
              <code>{e.entity_type}</code>
              {e.entity_id ? ` ${e.entity_id}` : ''}
            </>,
            <code>{e.action}</code>,
            outcomeWord(e.outcome),
            e.ip ?? '',
          ])}
        />
        {older ? (
          <p class="pager">
            <a href={older}>{t('staff.audit.older')}</a>
          </p>
        ) : null}
      </>,
      dateError ? 422 : 200,
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
    if (!session || !isNetworkAdmin(session.user)) {
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
    const { filter, dateError } = await filterFrom(q);
    if (dateError)
      throw new ValidationFailed([{ field: 'date', detail: 'must be a date as YYYY-MM-DD or MM/DD/YYYY' }]);
    const events = await listAuditEvents(db, filter);
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
