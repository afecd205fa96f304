/**
 * The schedule's table: one row per visit with the patient's phone (the desk calls late
 * patients), the visit, its status with what the desk needs now (late by how long; arrived when,
 * and how long ago), the intake with a "see a doctor today" result standing out, and only the
 * actions the state machine allows. On the day itself a "now" line sits between past and coming
 * visits. The actions are the desk's: a provider reads the day, and their rows have none. Below
 * 40rem each row becomes a stacked card (`card-table`; WCAG 1.4.10: no sideways scrolling).
 */
import { locationById, providerById, visitTypeById } from '../directory/index.js';
import type { Directory } from '../directory/index.js';
import { Temporal } from 'temporal-polyfill';
import { birthDate, dateInZone, dayInZone, timeInZone } from '../platform/i18n/format.js';
import { type StoredAppointment, decideVisitAction, type VisitAction } from '../scheduling/index.js';
import type { StaffSession } from './auth.js';
import { readsIntake, worksTheDesk } from './roles.js';
import { named, staffLocale, t } from './staff-language.js';

/** A booked visit this many minutes past its start is flagged as late. */
export const LATE_AFTER_MINUTES = 5;

const minutesBetween = (from: Date, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));

/**
 * "9 visits: 6 booked, 2 checked in, 1 no-show, 0 cancelled": the day at a glance, above the table.
 * Each count is kept on one line (a nowrap span), so a phone never breaks "no-shows" at its hyphen
 * or a number from its word. The hyphen stays the ordinary one: a non-breaking hyphen (U+2011) would
 * be copied as itself, so pasting or searching for "no-show" would not find it, and some fonts and
 * screen readers do not treat it as a hyphen. The span changes only the layout, not the text.
 */
export function DayCounts({ visits }: { visits: StoredAppointment[] }) {
  // Each count in the number's form: "1 no-show", "0 no-shows"; "1 reservada", "2 reservadas".
  const count = (
    status: StoredAppointment['status'],
    part: 'booked' | 'arrived' | 'noShow' | 'cancelled',
  ) => {
    const n = visits.filter((v) => v.status === status).length;
    return t(n === 1 ? `staff.counts.${part}.one` : `staff.counts.${part}`, { n });
  };
  const counts: Record<string, string> = {
    booked: count('booked', 'booked'),
    arrived: count('checked-in', 'arrived'),
    noShow: count('no-show', 'noShow'),
    cancelled: count('cancelled', 'cancelled'),
  };
  // The sentence with the counts left as placeholders (the translator keeps a name it is not
  // given), then each placeholder filled with its count in a span; the rest stays plain text.
  const sentence = t(visits.length === 1 ? 'staff.counts.one' : 'staff.counts', { n: visits.length });
  return (
    <p class="day-counts" id="day-counts">
      {sentence
        .split(/\{(\w+)\}/)
        .map((piece, i) =>
          i % 2 === 1 && Object.hasOwn(counts, piece) ? <span class="nowrap">{counts[piece]}</span> : piece,
        )}
    </p>
  );
}

/** What the status cell adds to the status: late, or arrived (and how long ago on the day). */
function StatusDetail({
  visit,
  now,
  live,
  zone,
}: {
  visit: StoredAppointment;
  now: Date;
  live: boolean;
  zone: string;
}) {
  if (visit.status === 'booked' && visit.decisionDue)
    return (
      <a class="flag flag-late" href="/staff/decisions">
        {t('staff.decisions.flag')}
      </a>
    );
  if (live && visit.status === 'booked' && minutesBetween(visit.startsAt, now) >= LATE_AFTER_MINUTES)
    return (
      <span class="flag flag-late">{t('staff.late', { minutes: minutesBetween(visit.startsAt, now) })}</span>
    );
  if (visit.status === 'checked-in' && visit.checkedInAt) {
    const at = timeInZone(staffLocale(), visit.checkedInAt.getTime(), zone);
    return (
      <span class="status-detail">
        {live && now < visit.endsAt
          ? t('staff.arrivedAgo', { time: at, minutes: minutesBetween(visit.checkedInAt, now) })
          : t('staff.arrived', { time: at })}
      </span>
    );
  }
  return null;
}

/** A list of visits with their patient, status, intake and the front-desk actions. */
export function ScheduleTable({
  d,
  visits,
  session,
  back,
  withDate,
  now,
  live = false,
  dispositions = new Map(),
}: {
  d: Directory;
  visits: StoredAppointment[];
  session: StaffSession;
  back: string;
  withDate?: boolean;
  /** Actions are offered only when the state machine allows them now (check-in on the day...). */
  now: Date;
  /** The schedule of today: a "now" line, late flags and waits. */
  live?: boolean;
  /** The self-check result of each visit's intake, by assessment id. */
  dispositions?: Map<string, string>;
}) {
  const canOpenIntake = readsIntake(session.user);
  const changesStatus = worksTheDesk(session.user);
  const nowAt = live ? visits.findIndex((a) => a.startsAt > now) : -1;
  const zone = locationById(d, visits[0]?.locationId)?.timeZone;
  const nowLine = (
    <tr class="now-line">
      <td colspan={changesStatus ? 7 : 6}>
        {t('staff.now', { time: zone ? timeInZone(staffLocale(), now.getTime(), zone) : '' })}
      </td>
    </tr>
  );
  return (
    <table class="schedule card-table">
      <thead>
        <tr>
          <th scope="col">{t('staff.col.time')}</th>
          <th scope="col">{t('staff.col.patient')}</th>
          <th scope="col">{t('staff.col.phone')}</th>
          <th scope="col">{t('staff.col.visit')}</th>
          <th scope="col">{t('staff.col.status')}</th>
          <th scope="col">{t('staff.col.intake')}</th>
          {changesStatus ? <th scope="col">{t('staff.col.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {visits.map((a, i) => {
          const l = locationById(d, a.locationId)!;
          const p = providerById(d, a.providerId)!;
          const v = visitTypeById(d, a.visitTypeId)!;
          const urgent = a.assessmentId !== null && dispositions.get(a.assessmentId) === 'urgent';
          return (
            <>
              {i === nowAt ? nowLine : null}
              <tr class={urgent ? 'row-urgent' : undefined}>
                <td data-label={t('staff.col.time')}>
                  {withDate ? `${dayInZone(staffLocale(), a.startsAt.getTime(), l.timeZone)}, ` : ''}
                  {timeInZone(staffLocale(), a.startsAt.getTime(), l.timeZone)}
                </td>
                <td data-label={t('staff.col.patient')}>
                  <a href={`/staff/appointments/${a.id}`}>
                    {a.patient.familyName}, {a.patient.givenName}
                  </a>
                  <span class="muted birth-date">
                    {' '}
                    {t('staff.bornOn', { date: birthDate(staffLocale(), a.patient.birthDate) })}
                  </span>
                </td>
                <td data-label={t('staff.col.phone')}>
                  {a.patient.phone ? (
                    <a href={`tel:${a.patient.phone.replace(/[^\d+]/g, '')}`}>{a.patient.phone}</a>
                  ) : (
                    '–'
                  )}
                </td>
                <td data-label={t('staff.col.visit')}>
                  {named(v.name)} · {p.displayName}
                </td>
                <td data-label={t('staff.col.status')}>
                  <span class={`status status-${a.status}`}>{t(`staff.status.${a.status}`)}</span>{' '}
                  <StatusDetail visit={a} now={now} live={live} zone={l.timeZone} />
                </td>
                <td data-label={t('staff.col.intake')}>
                  {urgent ? <strong class="flag flag-urgent">{t('staff.intake.urgent')}</strong> : null}{' '}
                  {a.assessmentId ? (
                    canOpenIntake ? (
                      <a href={`/staff/appointments/${a.id}/intake`}>{t('staff.intake.open')}</a>
                    ) : (
                      t('staff.intake.yes')
                    )
                  ) : (
                    t('staff.intake.none')
                  )}
                </td>
                {changesStatus ? (
                  <td class="actions">
                    <RowActions visit={a} timeZone={l.timeZone} now={now} csrf={session.csrf} back={back} />
                  </td>
                ) : null}
              </tr>
            </>
          );
        })}
        {live && nowAt === -1 && visits.length > 0 ? nowLine : null}
      </tbody>
    </table>
  );
}

/** The front-desk buttons a visit offers now: only what the state machine would allow. */
function RowActions({
  visit,
  timeZone,
  now,
  csrf,
  back,
}: {
  visit: StoredAppointment;
  timeZone: string;
  now: Date;
  csrf: string;
  back: string;
}) {
  const allowed = (action: VisitAction) =>
    decideVisitAction({ status: visit.status, startsAt: visit.startsAt, timeZone }, action, now).ok;
  const post = (path: string, label: string, kind: 'button' | 'button secondary', hidden?: string) => (
    <form method="post" action={`/staff/appointments/${visit.id}/${path}`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="back" value={back} />
      <input type="hidden" name="status" value={visit.status} />
      <button class={kind} type="submit">
        {label}
        {hidden ? <span class="visually-hidden"> ({hidden})</span> : null}
      </button>
    </form>
  );
  return (
    <>
      {allowed('check-in')
        ? post(
            'check-in',
            t(visit.status === 'no-show' ? 'staff.action.undoNoShow' : 'staff.action.checkIn'),
            visit.status === 'no-show' ? 'button secondary' : 'button',
          )
        : null}
      {allowed('mark-no-show') ? (
        <a class="button secondary" href={`/staff/appointments/${visit.id}/no-show`}>
          {t('staff.action.noShow')}
        </a>
      ) : null}
      {allowed('undo')
        ? post(
            'undo',
            t('staff.action.undo'),
            'button secondary',
            t('staff.action.undoHidden', { status: t(`staff.status.${visit.status}`) }),
          )
        : null}
    </>
  );
}

/**
 * A week as a calendar: one column per day (Monday first), each with its visits in time order,
 * each visit naming patient and clinician, and its clinic too for a clinician who works at more
 * than one that week. Below 64rem the days stack. Each day links to its day view for actions.
 */
export function WeekGrid({
  d,
  visits,
  weekStart,
  zone,
  dayHref,
}: {
  d: Directory;
  visits: StoredAppointment[];
  /** Monday, as YYYY-MM-DD. */
  weekStart: string;
  zone: string;
  dayHref: (date: string) => string;
}) {
  const days = Array.from({ length: 7 }, (_, i) =>
    Temporal.PlainDate.from(weekStart).add({ days: i }).toString(),
  );
  const clinicsOf = new Map<string, Set<string>>();
  for (const v of visits)
    clinicsOf.set(v.providerId, (clinicsOf.get(v.providerId) ?? new Set()).add(v.locationId));
  return (
    <ol class="week-grid">
      {days.map((date) => {
        const ofDay = visits.filter((v) => dateInZone(v.startsAt.getTime(), zone) === date);
        const ms = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
        return (
          <li class="week-day">
            <h2>
              <a href={dayHref(date)}>{dayInZone(staffLocale(), ms, zone)}</a>
            </h2>
            <p class="muted">
              {t(ofDay.length === 1 ? 'staff.week.count.one' : 'staff.week.count', { n: ofDay.length })}
            </p>
            {ofDay.length ? (
              <ul class="week-visits">
                {ofDay.map((a) => {
                  const l = locationById(d, a.locationId)!;
                  const p = providerById(d, a.providerId)!;
                  const several = (clinicsOf.get(a.providerId)?.size ?? 0) > 1;
                  return (
                    <li class={`week-visit status-${a.status}`}>
                      <a href={`/staff/appointments/${a.id}`}>
                        <strong>{timeInZone(staffLocale(), a.startsAt.getTime(), l.timeZone)}</strong>{' '}
                        {a.patient.familyName}, {a.patient.givenName}
                      </a>
                      <span class="muted">
                        {p.displayName}
                        {several ? ` · ${l.name}` : ''} · {t(`staff.status.${a.status}`)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
