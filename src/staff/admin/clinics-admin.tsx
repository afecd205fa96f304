/**
 * Clinics: the list; a clinic's details, weekly opening hours and closures (whole days). A closure
 * on a day with visits booked asks what happens to them first, like provider time off does.
 * Network administrators edit every clinic; a clinic manager edits the hours and closures of the
 * clinics assigned to them and sees their details (ADR 23).
 */
import type { Context, Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { recordAudit } from '../../audit/index.js';
import type { Location } from '../../directory/index.js';
import { NotFound } from '../../platform/http/problem.js';
import { isRealDate, dateInZone, longDate, weekdayName } from '../../platform/i18n/format.js';
import { holdVisitsForDecision, listAppointments } from '../../scheduling/index.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { clinicPage, MAX_CLOSURE_DAYS, WEEKDAYS, type ClinicForms } from './clinic-page.js';
import { addClosure, listClosures, removeClosure, replaceHours, updateLocation } from './admin-store.js';
import { askAboutVisits, cancelVisits, decisionDetail, readDecision } from './affected-visits.js';
import { clinicScope, managedClinics } from './clinic-scope.js';
import { RetiredCell, retiredOf } from './retirement.js';
import { isNetworkAdmin } from '../roles.js';
import {
  later,
  calendarDate,
  fieldErrors,
  optionalText,
  requiredText,
  str,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
  AdminList,
  bySlug,
} from './admin-views.js';

export const detailsSchema = z.object({
  name: requiredText('admin.clinic.err.name', 120),
  street: requiredText('admin.clinic.err.street'),
  city: requiredText('admin.clinic.err.city', 100),
  region: requiredText('admin.clinic.err.region', 50),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, later('admin.clinic.err.postalCode')),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 ()+.-]{7,25}$/, later('admin.clinic.err.phone')),
});
type Details = z.infer<typeof detailsSchema>;

const closureSchema = z.object({
  closedOn: calendarDate(later('admin.closure.err.date')),
  reason: requiredText('admin.closure.err.reason', 120),
  reasonEs: optionalText(120),
});

/** One opens/closes pair per weekday; both empty means closed that day. */
function parseHours(form: FormBody) {
  const errors: FieldErrors = {};
  const hours: { weekday: number; opens: string; closes: string }[] = [];
  const values: Record<string, string> = {};
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  for (const d of WEEKDAYS) {
    const opens = str(form, `opens-${d}`).trim();
    const closes = str(form, `closes-${d}`).trim();
    values[`opens-${d}`] = opens;
    values[`closes-${d}`] = closes;
    const day = weekdayName(staffLocale(), d);
    if (!opens && !closes) continue;
    if (!time.test(opens)) errors[`opens-${d}`] = t('admin.hours.err.opens', { day });
    else if (!time.test(closes)) errors[`closes-${d}`] = t('admin.hours.err.closes', { day });
    else if (closes <= opens) errors[`closes-${d}`] = t('admin.hours.err.order', { day });
    else hours.push({ weekday: d, opens, closes });
  }
  return { errors, hours, values };
}

export function clinicRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, requireAdmin, staffActor, now } = kit;
  const { requireClinicAdmin, clinicToManage } = clinicScope(kit);

  pages.get('/staff/admin/clinics', async (c) => {
    await requireClinicAdmin(c, 'location');
    const d = await scheduling.directory.get();
    const session = c.get('staff');
    const clinics = managedClinics(d, session.user);
    const network = isNetworkAdmin(session.user);
    const address = (l: Location) => `${l.street}, ${l.city}, ${l.region} ${l.postalCode}`;
    return page(
      c,
      t('admin.clinics.title'),
      <AdminList
        title={t('admin.clinics.title')}
        columns={[
          t('admin.clinic.name'),
          t('admin.clinic.address'),
          t('admin.clinic.phone'),
          t('admin.hours.title'),
          ...(network ? [t('admin.status')] : []),
        ]}
        add={network ? { href: '/staff/admin/clinics/new', label: t('admin.clinics.add') } : undefined}
        rows={[
          ...clinics.map((l) => [
            <a class="nowrap" href={`/staff/admin/clinics/${l.slug}`}>
              {l.name}
            </a>,
            address(l),
            <span class="nowrap">{l.phone}</span>,
            l.hours.length
              ? l.hours.map((h, i) => (
                  <>
                    {i ? ', ' : ''}
                    <span class="nowrap">{`${weekdayName(staffLocale(), h.weekday, 'short')} ${h.opens}–${h.closes}`}</span>
                  </>
                ))
              : t('admin.clinics.noHours'),
            ...(network ? [t('admin.active')] : []),
          ]),
          ...(network
            ? retiredOf(d, 'locations').map((l) => [
                l.name,
                address(l),
                <span class="nowrap">{l.phone}</span>,
                '',
                <RetiredCell kind="location" slug={l.slug} csrf={session.csrf} />,
              ])
            : []),
        ]}
      />,
      200,
      c.get('staff'),
    );
  });

  /** The clinic's visits on that local date still to happen or happening (booked or checked in). */
  /** Booked and checked-in visits at a clinic from one local date to another (inclusive). */
  const visitsOn = async (l: Location, date: string, through = date) => {
    const midnight = (d: Temporal.PlainDate) =>
      new Date(d.toZonedDateTime({ timeZone: l.timeZone }).epochMilliseconds);
    const found = await listAppointments(db, {
      locationId: l.id,
      start: midnight(Temporal.PlainDate.from(date)),
      end: midnight(Temporal.PlainDate.from(through).add({ days: 1 })),
    });
    return found.filter((a) => a.status === 'booked' || a.status === 'checked-in');
  };

  const render = async (c: Context<StaffEnv>, l: Location, f: ClinicForms, status: 200 | 409 | 422 = 200) => {
    const session = c.get('staff');
    const today = dateInZone(now().getTime(), l.timeZone);
    const closures = await listClosures(db, l.id, today);
    const view = clinicPage({ l, f, closures, csrf: session.csrf, details: isNetworkAdmin(session.user) });
    return page(c, titleWithErrors(view.title, view.errors), view.body, status, session);
  };

  pages.get('/staff/admin/clinics/:slug', async (c) => {
    const l = await clinicToManage(c, c.req.param('slug'), 'location');
    // Visits kept on days the clinic is closed stay listed until someone deals with them.
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments a
         JOIN location_closures c ON c.location_id = a.location_id
          AND c.closed_on = (a.starts_at AT TIME ZONE $2)::date
       WHERE a.location_id = $1 AND a.status IN ('booked', 'checked-in') AND a.starts_at > $3`,
      [l.id, l.timeZone, now()],
    );
    const kept = row?.n ?? 0;
    return render(c, l, kept > 0 ? { notice: t('admin.closure.visitsRemain', { n: kept }) } : {});
  });

  pages.post('/staff/admin/clinics/:slug/details', async (c) => {
    await requireAdmin(c, 'location');
    const l = bySlug((await scheduling.directory.get()).locations, c.req.param('slug'));
    const form = (await c.req.parseBody()) as FormBody;
    const raw = Object.fromEntries(Object.keys(detailsSchema.shape).map((k) => [k, str(form, k)])) as Details;
    const parsed = detailsSchema.safeParse(raw);
    if (!parsed.success)
      return render(c, l, { details: { values: raw, errors: fieldErrors(parsed.error.issues) } }, 422);
    await db.transaction(async (tx) => {
      await updateLocation(tx, l.id, parsed.data);
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'update',
        entityType: 'location',
        entityId: l.id,
        outcome: 'success',
        detail: { part: 'details' },
      });
    });
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/clinics/${l.slug}`, 303);
  });

  pages.post('/staff/admin/clinics/:slug/hours', async (c) => {
    const l = await clinicToManage(c, c.req.param('slug'), 'location');
    const { errors, hours, values } = parseHours((await c.req.parseBody()) as FormBody);
    if (Object.keys(errors).length) return render(c, l, { hours: { values, errors } }, 422);
    await db.transaction(async (tx) => {
      await replaceHours(tx, l.id, hours);
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'update',
        entityType: 'location',
        entityId: l.id,
        outcome: 'success',
        detail: { part: 'hours', openDays: hours.length },
      });
    });
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/clinics/${l.slug}`, 303);
  });

  pages.post('/staff/admin/clinics/:slug/closures', async (c) => {
    const l = await clinicToManage(c, c.req.param('slug'), 'closure');
    const form = (await c.req.parseBody({ all: true })) as FormBody;
    const values = {
      closedOn: str(form, 'closedOn'),
      closedThrough: str(form, 'closedThrough'),
      reason: str(form, 'reason'),
      reasonEs: str(form, 'reasonEs'),
    };
    const parsed = closureSchema.safeParse(values);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const today = dateInZone(now().getTime(), l.timeZone);
    if (parsed.success && parsed.data.closedOn < today) errors.closedOn = t('admin.closure.err.past');
    // Several days: every day from the first to the last, inclusive.
    const days = parsed.success ? closureDays(parsed.data.closedOn, values.closedThrough) : undefined;
    if (parsed.success && !days)
      errors.closedThrough = t('admin.closure.err.through', { days: MAX_CLOSURE_DAYS });
    if (!parsed.success || !days || Object.keys(errors).length)
      return render(c, l, { closure: { values, errors } }, 422);
    const { closedOn, reason, reasonEs } = parsed.data;
    const closedThrough = days.at(-1)!;
    const duplicate = () =>
      render(c, l, { closure: { values, errors: { closedOn: t('admin.closure.err.duplicate') } } }, 409);
    // Already closed on every one of these days: say so before asking about the visits (days
    // already closed within a longer closure are left as they are).
    const closedAlready = new Set((await listClosures(db, l.id, closedOn)).map((x) => x.date));
    if (days.every((d) => closedAlready.has(d))) return duplicate();
    const visits = await visitsOn(l, closedOn, closedThrough);
    const { choice, ask, changed } = readDecision(form, visits);
    const back = { href: `/staff/admin/clinics/${l.slug}`, label: l.name };
    if (ask)
      return askAboutVisits(kit, c, visits, changed, {
        action: `/staff/admin/clinics/${l.slug}/closures`,
        fields: values,
        back,
        column: 'provider',
        texts: {
          title: t('admin.closure.conflictTitle', { n: visits.length }),
          lead: t('admin.closure.conflictLead', {
            name: l.name,
            date:
              days.length > 1
                ? t('admin.closure.range', {
                    from: longDate(staffLocale(), closedOn),
                    to: longDate(staffLocale(), closedThrough),
                  })
                : longDate(staffLocale(), closedOn),
          }),
          changed: t('admin.closure.changed'),
          keep: t('admin.closure.keep'),
          keepHint: t('admin.closure.keepHint'),
          cancel: t('admin.closure.cancel'),
          cancelHint: t('admin.closure.cancelHint'),
          back: t('admin.closure.back'),
        },
      });
    const added = await db.transaction(async (tx) => {
      let added = 0;
      for (const day of days)
        if (await addClosure(tx, l.id, day, { en: reason, es: reasonEs || reason })) added++;
      if (added === 0) return false;
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'create',
        entityType: 'closure',
        entityId: l.id,
        outcome: 'success',
        detail: {
          date: closedOn,
          ...(days.length > 1 ? { through: closedThrough, days: added } : {}),
          ...decisionDetail(choice, visits),
        },
      });
      // Kept visits wait for a decision, visit by visit; their reminders are held until then.
      if (choice === 'keep')
        await holdVisitsForDecision(
          tx,
          visits.map((v) => v.id),
          'closure',
        );
      return true;
    });
    if (!added) return duplicate();
    scheduling.directory.invalidate();
    if (choice !== 'cancel' || visits.length === 0)
      // Kept visits stay booked and wait on the decisions page, where the desk calls each patient.
      return c.redirect(visits.length ? '/staff/decisions' : back.href, 303);
    // The clinic is closed now, so the freed times are not offered to the waiting list.
    return cancelVisits(kit, c, visits, {
      reason: 'clinic-closed',
      back,
      title: t('admin.closure.partialTitle'),
      partial: (n) => t('admin.closure.partial', { n }),
    });
  });

  pages.post('/staff/admin/clinics/:slug/closures/:date/remove', async (c) => {
    const l = await clinicToManage(c, c.req.param('slug'), 'closure');
    const date = c.req.param('date');
    if (!isRealDate(date)) throw new NotFound();
    await db.transaction(async (tx) => {
      if (!(await removeClosure(tx, l.id, date))) return;
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'delete',
        entityType: 'closure',
        entityId: l.id,
        outcome: 'success',
        detail: { date },
      });
    });
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/clinics/${l.slug}`, 303);
  });
}

/**
 * The days a closure form covers: the first day alone, or every day through the last one (at
 * most MAX_CLOSURE_DAYS); undefined when the last day is not a date on or after the first.
 */
export function closureDays(first: string, through: string): string[] | undefined {
  if (!through) return [first];
  if (!isRealDate(through) || through < first) return undefined;
  const start = Temporal.PlainDate.from(first);
  const n = start.until(Temporal.PlainDate.from(through)).days + 1;
  if (n > MAX_CLOSURE_DAYS) return undefined;
  return Array.from({ length: n }, (_, i) => start.add({ days: i }).toString());
}
