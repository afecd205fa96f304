/**
 * A provider's time off. Time off over visits already booked never goes through silently: the
 * administrator sees those visits and decides to keep them (recorded in the audit event) or to
 * cancel them (each patient is told and the time goes to the waiting list). If the visits in the
 * range changed between the question and the answer, the question is asked again. The question
 * itself is shared with clinic closures (affected-visits.tsx). A clinic manager adds time off for
 * providers working at their clinics; time off that falls on visits at a clinic they do not
 * manage is refused (they would see those patients), and a network administrator adds it.
 */
import type { Provider } from '../../directory/index.js';
import type { Context, Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../../audit/index.js';
import { holdVisitsForDecision, listAppointments } from '../../scheduling/index.js';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { addTimeOff } from './admin-store.js';
import { askAboutVisits, cancelVisits, decisionDetail, readDecision } from './affected-visits.js';
import {
  AdminErrorSummary,
  Csrf,
  fieldErrors,
  optionalText,
  str,
  TextField,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';
import { managesClinic } from '../roles.js';
import { clinicScope } from './clinic-scope.js';
import { timeOffZone } from './time-off-text.js';

const LOCAL = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
const MAX_DAYS = 366;

/** `allDay` "yes": whole days, from the start of the first date to the end of the last. */
type Values = { starts: string; ends: string; note: string; allDay: string };
const DATE = /^\d{4}-\d{2}-\d{2}/;

function parse(values: Values, zone: string, now: Date) {
  const allDay = values.allDay === 'yes';
  const instant = (v: string, endOfDay = false) => {
    if (allDay) {
      // Whole days: only the dates count (a date typed alone, or the date of a date and time).
      if (!DATE.test(v)) return undefined;
      try {
        const day = Temporal.PlainDate.from(v.slice(0, 10), { overflow: 'reject' });
        return new Date((endOfDay ? day.add({ days: 1 }) : day).toZonedDateTime(zone).epochMilliseconds);
      } catch {
        return undefined;
      }
    }
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
  const endsAt = instant(values.ends.trim(), true);
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
  const { db, scheduling, page, staffActor, now } = kit;
  const { providerToManage } = clinicScope(kit);

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
          <div class="checkbox form-group">
            <input type="checkbox" id="allDay" name="allDay" value="yes" checked={values.allDay === 'yes'} />
            <label for="allDay">{t('admin.timeOff.allDay')}</label>
          </div>
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

  pages.get('/staff/admin/providers/:slug/time-off', async (c) => {
    const p = await providerToManage(c, c.req.param('slug'), 'time-off');
    const zone = timeOffZone(await scheduling.directory.get(), p);
    return form(c, p, zone, { starts: '', ends: '', note: '', allDay: '' }, {}, 200);
  });

  pages.post('/staff/admin/providers/:slug/time-off', async (c) => {
    const p = await providerToManage(c, c.req.param('slug'), 'time-off');
    const zone = timeOffZone(await scheduling.directory.get(), p);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = {
      starts: str(body, 'starts'),
      ends: str(body, 'ends'),
      note: str(body, 'note'),
      allDay: str(body, 'allDay') === 'yes' ? 'yes' : '',
    };
    const { errors, range } = parse(values, zone, now());
    if (!range) return form(c, p, zone, values, errors, 422);
    const visits = await visitsIn(kit, p.id, range.startsAt, range.endsAt);
    const { choice, ask, changed } = readDecision(body, visits);
    const back = { href: `/staff/admin/providers/${p.slug}`, label: p.displayName };
    const user = c.get('staff').user;
    const elsewhere = visits.filter((a) => !managesClinic(user, a.locationId)).length;
    if (elsewhere > 0) return kit.refused(c, [t('admin.timeOff.err.otherClinics', { n: elsewhere })], back);
    if (ask)
      return askAboutVisits(kit, c, visits, changed, {
        action: `/staff/admin/providers/${p.slug}/time-off`,
        fields: values,
        back,
        column: 'location',
        texts: {
          title: t('admin.timeOff.conflictTitle', { n: visits.length }),
          lead: t('admin.timeOff.conflictLead', { name: p.displayName }),
          changed: t('admin.timeOff.changed'),
          keep: t('admin.timeOff.keep'),
          keepHint: t('admin.timeOff.keepHint'),
          cancel: t('admin.timeOff.cancel'),
          cancelHint: t('admin.timeOff.cancelHint'),
          back: t('admin.timeOff.back'),
        },
      });
    await db.transaction(async (tx) => {
      const id = await addTimeOff(tx, p.id, range);
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'create',
        entityType: 'time-off',
        entityId: id,
        outcome: 'success',
        detail: { provider: p.id, ...decisionDetail(choice, visits) },
      });
      // Kept visits wait for a decision, visit by visit; their reminders are held until then.
      if (choice === 'keep')
        await holdVisitsForDecision(
          tx,
          visits.map((v) => v.id),
          'time-off',
        );
    });
    scheduling.directory.invalidate();
    if (choice !== 'cancel' || visits.length === 0)
      return c.redirect(visits.length ? '/staff/decisions' : back.href, 303);
    return cancelVisits(kit, c, visits, {
      reason: 'provider-unavailable',
      back: { href: back.href, label: t('admin.timeOff.back') },
      title: t('admin.timeOff.partialTitle'),
      partial: (n) => t('admin.timeOff.partial', { n }),
    });
  });
}
