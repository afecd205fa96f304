/**
 * Moving a visit at the front desk: to another time, clinician, or one of the user's other
 * clinics where its visit type is offered. The visit keeps its intake and the patient's private
 * link; the patient is told; the day's notice offers an Undo while the old time is free.
 */
import type { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { visitTypeById } from '../directory/index.js';
import { dateInZone, isRealDate } from '../platform/i18n/format.js';
import {
  isoInZone,
  searchSlots,
  staffRescheduleAppointment,
  type StoredAppointment,
} from '../scheduling/index.js';
import { t, type StaffContext, type StaffEnv, type StaffKit } from './staff-kit.js';
import { visitHelpers } from './visit-helpers.js';
import {
  ClinicSelect,
  DateField,
  DayHeading,
  FilterButton,
  FormErrors,
  parseSlotChoice,
  problemMessages,
  SlotForm,
} from './visit-views.js';

export function moveRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { scheduling, now, page, commandContext, visibleAppointment, requireDesk } = kit;
  const { auditRead, describe, dayOf, changeable } = visitHelpers(kit);

  // ---------------------------------------------------------------- move to another time, provider or clinic

  /**
   * Where a visit may move: the user's clinics where someone offers its visit type (the visit's
   * own clinic always). Moving keeps the visit, with its intake and private link.
   */
  const moveClinics = (
    c: StaffContext,
    d: Awaited<ReturnType<typeof describe>>['d'],
    a: StoredAppointment,
  ) => {
    const visitType = visitTypeById(d, a.visitTypeId)!;
    const { user } = c.get('staff');
    return d.locations.filter(
      (l) =>
        l.id === a.locationId ||
        (user.locationIds.includes(l.id) &&
          d.providers.some((p) => p.locations.includes(l.slug) && visitType.providers.includes(p.slug))),
    );
  };

  const reschedulePage = async (
    c: StaffContext,
    a: StoredAppointment,
    query: { provider?: string; date?: string; location?: string },
    errors?: string[],
    status: 200 | 409 | 422 = 200,
  ) => {
    const { d, location: current, provider, visitType, whenInSentence } = await describe(a);
    const clinics = moveClinics(c, d, a);
    const location = clinics.find((l) => l.slug === query.location) ?? current;
    const colleagues = d.providers.filter(
      (p) => p.locations.includes(location.slug) && visitType.providers.includes(p.slug),
    );
    const chosenProvider =
      colleagues.find((p) => p.slug === query.provider) ??
      colleagues.find((p) => p.id === provider.id) ??
      colleagues[0]!;
    const today = dateInZone(now().getTime(), location.timeZone);
    const visitDay = dateInZone(a.startsAt.getTime(), location.timeZone);
    const date = query.date && isRealDate(query.date) ? query.date : visitDay < today ? today : visitDay;
    const slots = await searchSlots(scheduling, {
      visitType: visitType.slug,
      location: location.slug,
      provider: chosenProvider.slug,
      from: date,
      to: date,
    });
    const shift = (n: number) =>
      `/staff/appointments/${a.id}/reschedule?${new URLSearchParams({
        location: location.slug,
        provider: chosenProvider.slug,
        date: Temporal.PlainDate.from(date).add({ days: n }).toString(),
      })}`;
    return page(
      c,
      t('staff.reschedule.title'),
      <div>
        <FormErrors messages={errors} />
        <h1>{t('staff.reschedule.title')}</h1>
        <p>
          {a.patient.givenName} {a.patient.familyName}:{' '}
          {t('staff.reschedule.now', { when: whenInSentence, who: provider.displayName })}
          {clinics.length > 1 ? ` (${current.name})` : ''}
        </p>
        {a.assessmentId && clinics.length > 1 ? (
          <p class="hint">{t('staff.reschedule.keepsIntake')}</p>
        ) : null}
        <form method="get" action={`/staff/appointments/${a.id}/reschedule`} class="filters">
          {clinics.length > 1 ? <ClinicSelect locations={clinics} chosenId={location.id} /> : null}
          <div class="form-group">
            <label class="label" for="provider">
              {t('staff.visit.who')}
            </label>
            <select class="input" id="provider" name="provider">
              {colleagues.map((p) => (
                <option value={p.slug} selected={p.id === chosenProvider.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
          <DateField date={date} />
          <FilterButton label={t('staff.slots.show')} />
        </form>
        <p class="pager">
          <a href={shift(-1)}>{t('staff.schedule.prev')}</a> <a href={shift(1)}>{t('staff.schedule.next')}</a>
        </p>
        <DayHeading date={date} zone={location.timeZone} />
        <SlotForm
          action={`/staff/appointments/${a.id}/reschedule`}
          csrf={c.get('staff').csrf}
          slots={slots}
          zone={location.timeZone}
          providerNames={new Map([[chosenProvider.slug, chosenProvider.displayName]])}
          submit={t('staff.reschedule.submit')}
        >
          <input type="hidden" name="location" value={location.slug} />
        </SlotForm>
        <p>
          <a href={`/staff/appointments/${a.id}`}>{t('staff.cancel.keep')}</a>
        </p>
      </div>,
      status,
      c.get('staff'),
    );
  };

  pages.get('/staff/appointments/:id/reschedule', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'read');
    await requireDesk(c, 'read', a.id);
    await auditRead(c, a);
    if (!changeable(a)) return reschedulePage(c, a, {}, [t('staff.reschedule.notChangeable')], 409);
    return reschedulePage(c, a, c.req.query());
  });

  pages.post('/staff/appointments/:id/reschedule', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'reschedule');
    await requireDesk(c, 'reschedule', a.id);
    const form = await c.req.parseBody();
    const choice = parseSlotChoice(form.slot);
    // Another clinic only among the ones this user may move the visit to.
    const d = await scheduling.directory.get();
    const target = moveClinics(c, d, a).find((l) => l.slug === form.location);
    const fail = async (messages: string[], status: 409 | 422) => {
      await auditRead(c, a);
      return reschedulePage(c, a, { provider: choice?.provider, location: target?.slug }, messages, status);
    };
    if (!choice) return fail([t('staff.slots.choose')], 422);
    if (form.location !== undefined && !target) return fail([t('staff.book.noClinic')], 422);
    try {
      const moved = await staffRescheduleAppointment(commandContext(c), a, {
        start: choice.start,
        provider: choice.provider,
        ...(target ? { location: target.slug } : {}),
      });
      const before = await describe(a);
      const { location } = await describe(moved);
      const was = `${before.provider.slug}|${isoInZone(a.startsAt.getTime(), before.location.timeZone)}`;
      return c.redirect(dayOf(moved, location.slug, location.timeZone, 'moved', { was }), 303);
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      return fail(messages, 409);
    }
  });
}
