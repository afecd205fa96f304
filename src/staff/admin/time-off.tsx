/**
 * A provider's time off. Time off over visits already booked never goes through silently: the
 * administrator sees those visits and decides to keep them (recorded in the audit event) or to
 * cancel them (each patient is told and the time goes to the waiting list). If the visits in the
 * range changed between the question and the answer, the question is asked again.
 */
import type { Context, Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../../audit/audit.js';
import type { Directory, Provider } from '../../directory/directory.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { dayInZone, timeInZone } from '../../platform/i18n/format.js';
import { listAppointments, type StoredAppointment } from '../../scheduling/scheduling-store.js';
import { staffCancelAppointment } from '../../scheduling/staff-actions.js';
import { HOME_ZONE, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { addTimeOff } from './admin-store.js';
import {
  AdminErrorSummary,
  all,
  Csrf,
  fieldErrors,
  optionalText,
  str,
  TextField,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';
import { findProvider } from './providers-admin.js';

const LOCAL = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
const MAX_DAYS = 366;

type Values = { starts: string; ends: string; note: string };

/** The zone the provider's times are entered in: their first clinic's, or the network's. */
const zoneOf = (d: Directory, p: Provider) =>
  d.locations.find((l) => l.slug === p.locations[0])?.timeZone ?? HOME_ZONE;

function parse(values: Values, zone: string, now: Date) {
  const instant = (v: string) => {
    if (!LOCAL.test(v)) return undefined;
    try {
      return new Date(
        Temporal.PlainDateTime.from(v, { overflow: 'reject' }).toZonedDateTime(zone).epochMilliseconds,
      );
    } catch {
      return undefined;
    }
  };
  const noteCheck = optionalText(200).safeParse(values.note);
  const errors: FieldErrors = noteCheck.success
    ? {}
    : fieldErrors(noteCheck.error.issues.map((i) => ({ ...i, path: ['note'] })));
  const startsAt = instant(values.starts.trim());
  const endsAt = instant(values.ends.trim());
  if (!startsAt) errors.starts = t('admin.timeOff.err.starts');
  if (!endsAt) errors.ends = t('admin.timeOff.err.ends');
  else if (startsAt && endsAt <= startsAt) errors.ends = t('admin.timeOff.err.order');
  else if (startsAt && endsAt.getTime() - startsAt.getTime() > MAX_DAYS * 86_400_000)
    errors.ends = t('admin.timeOff.err.tooLong', { days: MAX_DAYS });
  else if (endsAt <= now) errors.ends = t('admin.timeOff.err.past');
  if (Object.keys(errors).length || !startsAt || !endsAt || !noteCheck.success) return { errors };
  return { errors, range: { startsAt, endsAt, note: noteCheck.data } };
}

/** Visits of the provider still to happen or happening in the range (booked or checked in). */
async function visitsIn(kit: StaffKit, providerId: string, startsAt: Date, endsAt: Date) {
  const found = await listAppointments(kit.db, {
    providerId,
    start: new Date(startsAt.getTime() - 86_400_000),
    end: endsAt,
  });
  return found.filter(
    (a) => (a.status === 'booked' || a.status === 'checked-in') && a.endsAt > startsAt && a.startsAt < endsAt,
  );
}

export function timeOffRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, requireAdmin, staffActor, now } = kit;

  const form = (
    c: Context<StaffEnv>,
    p: Provider,
    zone: string,
    values: Values,
    errors: FieldErrors,
    status: 200 | 422,
  ) => {
    const title = t('admin.timeOff.addTitle', { name: p.displayName });
    return page(
      c,
      titleWithErrors(title, errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <p class="back-link-row">
          <a href={`/staff/admin/providers/${p.slug}`}>{p.displayName}</a>
        </p>
        <h1>{title}</h1>
        <form method="post" action={`/staff/admin/providers/${p.slug}/time-off`} novalidate>
          <Csrf token={c.get('staff').csrf} />
          <TextField
            id="starts"
            label={t('admin.timeOff.starts')}
            hint={t('admin.timeOff.hint', { zone })}
            type="datetime-local"
            value={values.starts}
            errors={errors}
          />
          <TextField
            id="ends"
            label={t('admin.timeOff.ends')}
            hint={t('admin.timeOff.hint', { zone })}
            type="datetime-local"
            value={values.ends}
            errors={errors}
          />
          <TextField
            id="note"
            label={t('admin.timeOff.note')}
            hint={t('admin.timeOff.noteHint')}
            value={values.note}
            errors={errors}
          />
          <button class="button" type="submit">
            {t('admin.timeOff.add')}
          </button>
        </form>
      </div>,
      status,
      c.get('staff'),
    );
  };

  /** The affected visits, with the two decisions; each visit shown is an audited read. */
  const decision = async (
    c: Context<StaffEnv>,
    p: Provider,
    values: Values,
    visits: StoredAppointment[],
    changed: boolean,
  ) => {
    const d = await scheduling.directory.get();
    for (const a of visits)
      await recordAudit(db, {
        ...staffActor(c),
        action: 'list',
        entityType: 'appointment',
        entityId: a.id,
        outcome: 'success',
      });
    const session = c.get('staff');
    const hidden = (choice: 'keep' | 'cancel') => (
      <form method="post" action={`/staff/admin/providers/${p.slug}/time-off`}>
        <Csrf token={session.csrf} />
        <input type="hidden" name="starts" value={values.starts} />
        <input type="hidden" name="ends" value={values.ends} />
        <input type="hidden" name="note" value={values.note} />
        {visits.map((a) => (
          <input type="hidden" name="seen" value={a.id} />
        ))}
        <input type="hidden" name="decision" value={choice} />
        <button class={choice === 'keep' ? 'button' : 'button warning'} type="submit">
          {t(choice === 'keep' ? 'admin.timeOff.keep' : 'admin.timeOff.cancel')}
        </button>
      </form>
    );
    const title = t('admin.timeOff.conflictTitle', { n: visits.length });
    return page(
      c,
      title,
      <>
        <p class="back-link-row">
          <a href={`/staff/admin/providers/${p.slug}`}>{p.displayName}</a>
        </p>
        <h1>{title}</h1>
        {changed ? (
          <p class="inset-warning" role="alert">
            {t('admin.timeOff.changed')}
          </p>
        ) : null}
        <p>{t('admin.timeOff.conflictLead', { name: p.displayName })}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('staff.col.time')}</th>
              <th scope="col">{t('staff.col.patient')}</th>
              <th scope="col">{t('admin.block.location')}</th>
              <th scope="col">{t('staff.col.visit')}</th>
              <th scope="col">{t('staff.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((a) => {
              const l = d.locations.find((x) => x.id === a.locationId);
              const zone = l?.timeZone ?? HOME_ZONE;
              return (
                <tr>
                  <td>{`${dayInZone('en', a.startsAt.getTime(), zone)}, ${timeInZone('en', a.startsAt.getTime(), zone)}`}</td>
                  <td>
                    {a.patient.givenName} {a.patient.familyName}
                  </td>
                  <td>{l?.name ?? ''}</td>
                  <td>{d.visitTypes.find((v) => v.id === a.visitTypeId)?.name.en ?? ''}</td>
                  <td>
                    <span class={`status status-${a.status}`}>{t(`manage.status.${a.status}`)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div class="admin-decision">
          <div>
            <p>{t('admin.timeOff.keepHint')}</p>
            {hidden('keep')}
          </div>
          <div>
            <p>{t('admin.timeOff.cancelHint')}</p>
            {hidden('cancel')}
          </div>
        </div>
        <p>
          <a href={`/staff/admin/providers/${p.slug}`}>{t('admin.timeOff.back')}</a>
        </p>
      </>,
      409,
      session,
    );
  };

  pages.get('/staff/admin/providers/:slug/time-off', async (c) => {
    await requireAdmin(c, 'time-off');
    const p = await findProvider(kit, c.req.param('slug'));
    const zone = zoneOf(await scheduling.directory.get(), p);
    return form(c, p, zone, { starts: '', ends: '', note: '' }, {}, 200);
  });

  pages.post('/staff/admin/providers/:slug/time-off', async (c) => {
    await requireAdmin(c, 'time-off');
    const p = await findProvider(kit, c.req.param('slug'));
    const zone = zoneOf(await scheduling.directory.get(), p);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = { starts: str(body, 'starts'), ends: str(body, 'ends'), note: str(body, 'note') };
    const { errors, range } = parse(values, zone, now());
    if (!range) return form(c, p, zone, values, errors, 422);
    const visits = await visitsIn(kit, p.id, range.startsAt, range.endsAt);
    const choice = str(body, 'decision');
    const seen = new Set(all(body, 'seen'));
    const sameVisits = seen.size === visits.length && visits.every((a) => seen.has(a.id));
    if (visits.length && (!['keep', 'cancel'].includes(choice) || !sameVisits))
      return decision(c, p, values, visits, choice !== '' && !sameVisits);
    const actor = staffActor(c);
    await db.transaction(async (tx) => {
      const id = await addTimeOff(tx, p.id, range);
      await recordAudit(tx, {
        ...actor,
        action: 'create',
        entityType: 'time-off',
        entityId: id,
        outcome: 'success',
        detail: {
          provider: p.id,
          ...(visits.length
            ? { decision: choice, visits: visits.length, appointmentIds: visits.map((a) => a.id).join(',') }
            : {}),
        },
      });
    });
    scheduling.directory.invalidate();
    if (choice !== 'cancel' || visits.length === 0)
      return c.redirect(`/staff/admin/providers/${p.slug}`, 303);
    // Each cancellation is its own transaction (the patient's message and the waiting-list offer
    // go with it); one that cannot be cancelled (checked in, already started) stays and is listed.
    const kept: StoredAppointment[] = [];
    for (const a of visits) {
      try {
        await staffCancelAppointment(scheduling, a.id, actor, t('admin.timeOff.reason'));
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        kept.push(a);
      }
    }
    if (kept.length === 0) return c.redirect(`/staff/admin/providers/${p.slug}`, 303);
    const d = await scheduling.directory.get();
    return page(
      c,
      t('admin.timeOff.partialTitle'),
      <div class="narrow">
        <h1>{t('admin.timeOff.partialTitle')}</h1>
        <p class="inset-warning" role="alert">
          {t('admin.timeOff.partial', { n: kept.length })}
        </p>
        <ul>
          {kept.map((a) => {
            const zoneHere = d.locations.find((x) => x.id === a.locationId)?.timeZone ?? HOME_ZONE;
            return (
              <li>
                {`${dayInZone('en', a.startsAt.getTime(), zoneHere)}, ${timeInZone('en', a.startsAt.getTime(), zoneHere)}`}{' '}
                – {a.patient.givenName} {a.patient.familyName}
              </li>
            );
          })}
        </ul>
        <p>
          <a href={`/staff/admin/providers/${p.slug}`}>{t('admin.timeOff.back')}</a>
        </p>
      </div>,
      200,
      c.get('staff'),
    );
  });
}
