/**
 * Patient search (`/staff/search`): a patient's visits by name, date of birth, phone number or
 * email, only at the user's clinics (a provider: only their own visits), one audit event per
 * visit found.
 */
import type { Context, Hono } from 'hono';
import { recordAudit } from '../audit/index.js';
import { parsePatientQuery, searchAppointments } from '../scheduling/index.js';
import { ScheduleTable } from './schedule-table.js';
import { t, type StaffEnv, type StaffKit } from './staff-kit.js';
import { FilterButton } from './visit-views.js';

export function searchRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, now, page, staffActor } = kit;

  // The search is a POST form: a name or a date of birth must never sit in a URL (history, logs).
  const search = async (c: Context<StaffEnv>, q: string) => {
    const session = c.get('staff');
    const { user } = session;
    const query = parsePatientQuery(q);
    const visits = query
      ? await searchAppointments(db, {
          locationIds: user.locationIds,
          ...(user.role === 'provider' ? { providerId: user.providerId! } : {}),
          query,
        })
      : [];
    for (const a of visits)
      await recordAudit(db, {
        ...staffActor(c),
        action: 'search',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    const d = await scheduling.directory.get();
    return page(
      c,
      t('staff.search.title'),
      <>
        <h1>{t('staff.search.title')}</h1>
        <form method="post" action="/staff/search" class="filters">
          <input type="hidden" name="_csrf" value={session.csrf} />
          <div class="form-group">
            <label class="label" for="q">
              {t('staff.search.label')}
            </label>
            <div id="q-hint" class="hint">
              {t('staff.search.hint')}
            </div>
            <input
              class="input width-20"
              id="q"
              name="q"
              value={q}
              aria-describedby="q-hint"
              spellcheck={false}
            />
          </div>
          <FilterButton label={t('staff.search.submit')} />
        </form>
        {q.length >= 2 && visits.length === 0 ? <p>{t('staff.schedule.none')}</p> : null}
        {visits.length ? (
          <ScheduleTable d={d} visits={visits} session={session} back="/staff" withDate now={now()} />
        ) : null}
      </>,
      200,
      session,
    );
  };
  pages.get('/staff/search', (c) => search(c, ''));
  pages.post('/staff/search', async (c) => {
    const form = await c.req.parseBody();
    return search(c, typeof form.q === 'string' ? form.q.trim().slice(0, 100) : '');
  });
}
