/**
 * The week as a calendar (`/staff/week`): the chosen clinic's visits, or a provider's own across
 * their clinics, each day linking to its day view for actions.
 */
import type { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { homeZone } from '../directory/index.js';
import { dateInZone, dayInSentence, isRealDate } from '../platform/i18n/format.js';
import { DayCounts, WeekGrid } from './schedule-table.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from './staff-kit.js';
import { visitsInWindow } from './visits-in-window.js';

export function weekRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { scheduling, now, page } = kit;
  const visitsIn = visitsInWindow(kit);

  pages.get('/staff/week', async (c) => {
    const session = c.get('staff');
    const { user } = session;
    const d = await scheduling.directory.get();
    const today = dateInZone(now().getTime(), homeZone(d));
    const asked = c.req.query('date') ?? '';
    const chosen = Temporal.PlainDate.from(isRealDate(asked) ? asked : today);
    const weekStart = chosen.subtract({ days: chosen.dayOfWeek - 1 });
    const myLocations = d.locations.filter((l) => user.locationIds.includes(l.id));
    const location = kit.chosenClinic(c, myLocations);
    const zone = location?.timeZone ?? homeZone(d);
    const start = new Date(weekStart.toZonedDateTime({ timeZone: zone }).epochMilliseconds);
    const end = new Date(weekStart.add({ days: 7 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
    const visits = await visitsIn(c, location?.id, start, end);
    const who = user.role === 'provider' ? user.displayName : (location?.name ?? '');
    const heading = t('staff.week.title', {
      clinic: who,
      day: dayInSentence(staffLocale(), start.getTime(), zone),
    });
    const link = (n: number) =>
      `/staff/week?${new URLSearchParams({ ...(location ? { location: location.slug } : {}), date: weekStart.add({ days: n }).toString() })}`;
    return page(
      c,
      heading,
      <>
        <h1>{heading}</h1>
        <p class="pager">
          <a href={link(-7)} data-shortcut="p" aria-keyshortcuts="p">
            {t('staff.week.prev')}
          </a>{' '}
          <a href={link(7)} data-shortcut="n" aria-keyshortcuts="n">
            {t('staff.week.next')}
          </a>
        </p>
        <DayCounts visits={visits} />
        <WeekGrid
          d={d}
          visits={visits}
          weekStart={weekStart.toString()}
          zone={zone}
          dayHref={(date) =>
            `/staff?${new URLSearchParams({ ...(location && user.role !== 'provider' ? { location: location.slug } : {}), date })}`
          }
        />
      </>,
      200,
      session,
    );
  });
}
