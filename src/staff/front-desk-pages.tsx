/**
 * The front desk's day (`/staff`): the live schedule of a clinic (a provider's own day), and the
 * status changes made from its rows (check-in, no-show, undo), which are the desk's: front desk,
 * clinic managers and administrators. The week is in week-pages, the search in search-pages.
 */
import { homeZone, locationById } from '../directory/index.js';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../audit/index.js';
import { dateInZone, dayInSentence, isRealDate, timeInZone } from '../platform/i18n/format.js';
import {
  changeVisitStatus,
  SchedulingRefused,
  type FrontDeskAction,
  APPOINTMENT_STATUSES,
} from '../scheduling/index.js';
import { DayCounts, ScheduleTable } from './schedule-table.js';

import type { Hono } from 'hono';
import { DateField, FilterButton, ClinicSelect, ProviderSelect } from './visit-views.js';
import { visitsInWindow } from './visits-in-window.js';
import { openTimesOfDay, OpenTimes } from './open-times.js';
import { worksTheDesk } from './roles.js';
import { dispositionsOf } from '../triage/index.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from './staff-kit.js';

const DONE = ['booked', 'moved', 'cancelled', 'restored'] as const;
/** Status changes made from a schedule row: their notice names the visit and offers Undo. */
const STATUS_DONE = { 'check-in': 'checked-in', 'mark-no-show': 'no-show', undo: 'undone' } as const;

export function frontDeskRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, now, page, staffActor, commandContext, visibleAppointment, requireDesk, safeBack } =
    kit;
  // ---------------------------------------------------------------- the day's schedule

  const visitsIn = visitsInWindow(kit);

  pages.get('/staff', async (c) => {
    const session = c.get('staff');
    const { user } = session;
    const d = await scheduling.directory.get();
    const today = dateInZone(now().getTime(), homeZone(d));
    const asked = c.req.query('date') ?? '';
    const date = isRealDate(asked) ? asked : today;
    const myLocations = d.locations.filter((l) => user.locationIds.includes(l.id));
    const location = kit.chosenClinic(c, myLocations);
    const zone = location?.timeZone ?? homeZone(d);
    const start = new Date(
      Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
    );
    const end = new Date(start.getTime() + 86_400_000);
    // The clinicians who work at this clinic, for the filter (a provider sees only their own day).
    const clinicians =
      user.role === 'provider' || !location
        ? []
        : d.providers.filter((p) => p.schedule.some((b) => b.location === location.slug));
    const provider = clinicians.find((p) => p.slug === c.req.query('provider'));
    const visits = await visitsIn(c, location?.id, start, end, provider?.id);
    const dispositions = await dispositionsOf(
      db,
      visits.flatMap((v) => (v.assessmentId ? [v.assessmentId] : [])),
    );
    const live = date === dateInZone(now().getTime(), zone);
    // Where someone could still be fitted in: for the desk, from today on.
    const open =
      location && worksTheDesk(user) && date >= dateInZone(now().getTime(), zone)
        ? await openTimesOfDay(scheduling, d, location, date, provider?.slug)
        : undefined;
    const heading =
      user.role === 'provider'
        ? t('staff.schedule.mine', { day: dayInSentence(staffLocale(), start.getTime(), zone) })
        : t('staff.schedule.title', {
            clinic: location?.name ?? '',
            day: dayInSentence(staffLocale(), start.getTime(), zone),
          });
    // Administrators see at once when messages could not be sent.
    const [failed] = (await kit.isNetworkAdmin(user))
      ? await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'failed'",
        )
      : [];
    // After a change elsewhere, a short notice of what was done (a fixed word, nothing private).
    const doneParam = c.req.query('done');
    const done = DONE.find((x) => x === doneParam);
    const statusDone = Object.values(STATUS_DONE).find((x) => x === doneParam);
    // A cancel or a move made from the visit's page can be undone from its notice: the cancel while
    // the visit is cancelled and not started, the move back to where it was (if still free).
    const undoable =
      (done === 'cancelled' || (done === 'moved' && c.req.query('was'))) && user.role !== 'provider'
        ? visits.find(
            (v) =>
              v.id === c.req.query('visit') &&
              v.startsAt > now() &&
              v.status === (done === 'cancelled' ? 'cancelled' : 'booked'),
          )
        : undefined;
    const changed = statusDone ? visits.find((v) => v.id === c.req.query('visit')) : undefined;
    const shift = (n: number) => Temporal.PlainDate.from(date).add({ days: n }).toString();
    const q = (dt: string) =>
      `/staff?${new URLSearchParams({
        ...(location && user.role !== 'provider' ? { location: location.slug } : {}),
        ...(provider ? { provider: provider.slug } : {}),
        date: dt,
      })}`;
    return page(
      c,
      heading,
      <>
        <h1>{heading}</h1>
        {done ? (
          <div class="notice" role="status">
            <p>{t(`staff.done.${done}`)}</p>
            {undoable ? (
              <form
                method="post"
                action={`/staff/appointments/${undoable.id}/${done === 'cancelled' ? 'restore' : 'reschedule'}`}
              >
                <input type="hidden" name="_csrf" value={session.csrf} />
                {done === 'moved' ? (
                  <input type="hidden" name="slot" value={c.req.query('was') ?? ''} />
                ) : null}
                <button class="button secondary" type="submit">
                  {t('staff.action.undo')}
                </button>
              </form>
            ) : null}
          </div>
        ) : null}
        {statusDone && changed ? (
          <div class="notice" role="status">
            <p>
              {t(`staff.done.${statusDone}`, {
                patient: `${changed.patient.givenName} ${changed.patient.familyName}`,
              })}
            </p>
            {statusDone !== 'undone' ? (
              <form method="post" action={`/staff/appointments/${changed.id}/undo`}>
                <input type="hidden" name="_csrf" value={session.csrf} />
                <input type="hidden" name="back" value={q(date)} />
                <input type="hidden" name="status" value={changed.status} />
                <button class="button secondary" type="submit">
                  {t('staff.action.undo')}
                </button>
              </form>
            ) : null}
          </div>
        ) : null}
        {failed && failed.n > 0 ? (
          <p class="inset-warning" role="status">
            <a href="/staff/outbox">{t('staff.outbox.failed', { n: failed.n })}</a>
          </p>
        ) : null}
        <form method="get" action="/staff" class="filters">
          {user.role !== 'provider' ? <ClinicSelect locations={myLocations} chosenId={location?.id} /> : null}
          {clinicians.length > 1 ? <ProviderSelect providers={clinicians} chosen={provider?.slug} /> : null}
          <DateField date={date} />
          <FilterButton label={t('staff.schedule.show')} />
        </form>
        <p class="pager">
          <a href={q(shift(-1))} data-shortcut="p" aria-keyshortcuts="p">
            {t('staff.schedule.prev')}
          </a>{' '}
          <a href={q(shift(1))} data-shortcut="n" aria-keyshortcuts="n">
            {t('staff.schedule.next')}
          </a>
        </p>
        {/* Today's schedule refreshes itself (site.js swaps this section); without JavaScript, the link. */}
        <section id="schedule" data-refresh={live ? '60' : undefined} aria-labelledby="schedule-heading">
          <h2 id="schedule-heading" class="visually-hidden">
            {heading}
          </h2>
          {live ? (
            <p class="hint refresh-row">
              {t('staff.updated', { time: timeInZone(staffLocale(), now().getTime(), zone) })}{' '}
              <a href={q(date)}>{t('staff.refresh')}</a>
            </p>
          ) : null}
          <DayCounts visits={visits} />
          {visits.some((v) => v.status === 'booked' && v.decisionDue) ? (
            <p class="inset-warning" role="status">
              <a href="/staff/decisions">
                {t('staff.decisions.banner', {
                  n: visits.filter((v) => v.status === 'booked' && v.decisionDue).length,
                })}
              </a>
            </p>
          ) : null}
          {visits.length === 0 ? (
            <p>{t('staff.schedule.none')}</p>
          ) : (
            <ScheduleTable
              d={d}
              visits={visits}
              session={session}
              back={q(date)}
              now={now()}
              live={live}
              dispositions={dispositions}
            />
          )}
          {open && location ? <OpenTimes open={open} location={location} date={date} /> : null}
        </section>
      </>,
      200,
      session,
    );
  });

  // ---------------------------------------------------------------- check-in and no-show

  /**
   * A status command (scheduling/front-desk.ts) from a schedule row. The form carries the status
   * the row showed, so a visit that changed meanwhile is refused, shown and audited, never
   * redirected past as if it had worked. Providers read their day; changing it is the desk's.
   */
  const statusCommand = async (c: Context<StaffEnv>, action: FrontDeskAction, auditAction: string) => {
    const a = await visibleAppointment(c, c.req.param('id') ?? '', auditAction);
    await requireDesk(c, auditAction, a.id);
    const form = await c.req.parseBody();
    const shown = typeof form.status === 'string' ? form.status : undefined;
    const expected = APPOINTMENT_STATUSES.find((x) => x === shown);
    const back = safeBack(form.back);
    try {
      await changeVisitStatus(commandContext(c), a.id, action, expected);
    } catch (error) {
      if (!(error instanceof SchedulingRefused)) throw error;
      return page(
        c,
        t('staff.refused.title'),
        <div class="narrow">
          <h1>{t('staff.refused.title')}</h1>
          <p>{t(`refusal.${error.code}`)}</p>
          <p>
            <a class="button" href={back}>
              {t('staff.refused.back')}
            </a>
          </p>
        </div>,
        409,
        c.get('staff'),
      );
    }
    // Back to where the change was made, with a notice that names it and offers Undo.
    const notice = new URLSearchParams({ done: STATUS_DONE[action], visit: a.id });
    return c.redirect(`${back}${back.includes('?') ? '&' : '?'}${notice}`, 303);
  };

  pages.post('/staff/appointments/:id/check-in', (c) => statusCommand(c, 'check-in', 'check-in'));
  pages.post('/staff/appointments/:id/undo', (c) => statusCommand(c, 'undo', 'undo-status'));

  pages.get('/staff/appointments/:id/no-show', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'read');
    await requireDesk(c, 'read', a.id);
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
    });
    const d = await scheduling.directory.get();
    const l = locationById(d, a.locationId)!;
    const session = c.get('staff');
    return page(
      c,
      t('staff.noShow.title'),
      <div class="narrow">
        <h1>{t('staff.noShow.title')}</h1>
        <p>
          {a.patient.givenName} {a.patient.familyName},{' '}
          {dayInSentence(staffLocale(), a.startsAt.getTime(), l.timeZone)}{' '}
          {timeInZone(staffLocale(), a.startsAt.getTime(), l.timeZone)}
        </p>
        <form method="post" action={`/staff/appointments/${a.id}/no-show`}>
          <input type="hidden" name="_csrf" value={session.csrf} />
          <input type="hidden" name="status" value={a.status} />
          <input
            type="hidden"
            name="back"
            value={`/staff?${new URLSearchParams({ location: l.slug, date: dateInZone(a.startsAt.getTime(), l.timeZone) })}`}
          />
          <button class="button warning" type="submit">
            {t('staff.noShow.confirm')}
          </button>
        </form>
        <p>
          <a href="/staff">{t('staff.noShow.back')}</a>
        </p>
      </div>,
      200,
      session,
    );
  });

  pages.post('/staff/appointments/:id/no-show', (c) => statusCommand(c, 'mark-no-show', 'no-show'));
}
