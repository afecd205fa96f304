/**
 * Booking on a patient's behalf (a phone call at the front desk): the same slots, rules, messages
 * and audit events as online booking. The patient gets the confirmation with their own private
 * link; staff never see it. A hidden one-time key makes a double-submitted form book once.
 */
import { homeZone } from '../directory/index.js';
import type { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { dateInZone, isRealDate } from '../platform/i18n/format.js';
import { newToken } from '../platform/tokens.js';
import { bookAppointment, searchSlots, type Slot } from '../scheduling/index.js';
import { visitHelpers } from './visit-helpers.js';
import { formValues, patientFromForm, PatientFields, type FormValues } from './patient-form.js';
import { named, t, type StaffContext, type StaffEnv, type StaffKit } from './staff-kit.js';
import {
  FormErrors,
  parseSlotChoice,
  problemMessages,
  SlotChoices,
  DateField,
  FilterButton,
  DayHeading,
} from './visit-views.js';

export function phoneBookingRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { scheduling, now, page, commandContext, requireDesk, visibleAppointment } = kit;
  const { auditRead, describe } = visitHelpers(kit);

  const bookPage = async (
    c: StaffContext,
    values: FormValues,
    errors?: string[],
    status: 200 | 409 | 422 = 200,
  ) => {
    const { user, csrf } = c.get('staff');
    const d = await scheduling.directory.get();
    const myLocations = d.locations.filter((l) => user.locationIds.includes(l.id));
    const location = kit.chosenClinic(c, myLocations, values.location);
    const zone = location?.timeZone ?? homeZone(d);
    const visitTypes = location
      ? d.visitTypes.filter((v) =>
          d.providers.some((p) => p.locations.includes(location.slug) && v.providers.includes(p.slug)),
        )
      : [];
    const visitType = visitTypes.find((v) => v.slug === values.visitType);
    const providers =
      location && visitType
        ? d.providers.filter(
            (p) => p.locations.includes(location.slug) && visitType.providers.includes(p.slug),
          )
        : [];
    const provider = providers.find((p) => p.slug === values.provider);
    const today = dateInZone(now().getTime(), zone);
    const date = values.date && isRealDate(values.date) && values.date >= today ? values.date : today;
    const slots: Slot[] =
      location && visitType
        ? await searchSlots(
            scheduling,
            {
              visitType: visitType.slug,
              location: location.slug,
              ...(provider ? { provider: provider.slug } : {}),
              from: date,
              to: date,
            },
            // The desk may book inside the online notice (someone at the desk, or calling for
            // today); such times are marked, and the note below says why.
            { walkIn: true },
          )
        : [];
    const walkInBefore = visitType ? now().getTime() + visitType.minNoticeMinutes * 60_000 : 0;
    const anyWalkIn = slots.some((x) => x.startMs < walkInBefore);
    const shift = (n: number) =>
      `/staff/book?${new URLSearchParams({
        location: location?.slug ?? '',
        visitType: visitType?.slug ?? '',
        provider: provider?.slug ?? '',
        date: Temporal.PlainDate.from(date).add({ days: n }).toString(),
      })}`;
    const select = (
      id: string,
      label: string,
      options: { value: string; name: string }[],
      chosen?: string,
      any?: string,
    ) => (
      <div class="form-group">
        <label class="label" for={id}>
          {label}
        </label>
        <select class="input" id={id} name={id}>
          {any ? <option value="">{any}</option> : null}
          {options.map((o) => (
            <option value={o.value} selected={o.value === chosen}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    );
    return page(
      c,
      t('staff.book.title'),
      <div>
        <FormErrors messages={errors} href="#givenName" />
        <h1>{t('staff.book.title')}</h1>
        <form method="get" action="/staff/book" class="filters">
          {select(
            'location',
            t('staff.schedule.clinic'),
            myLocations.map((l) => ({ value: l.slug, name: l.name })),
            location?.slug,
          )}
          {select(
            'visitType',
            t('staff.visit.what'),
            visitTypes.map((v) => ({ value: v.slug, name: named(v.name) })),
            visitType?.slug,
            t('staff.book.chooseType'),
          )}
          {select(
            'provider',
            t('staff.visit.who'),
            providers.map((p) => ({ value: p.slug, name: p.displayName })),
            provider?.slug,
            t('staff.book.anyProvider'),
          )}
          <DateField date={date} min={today} />
          <FilterButton label={t('staff.slots.show')} />
        </form>
        {!visitType ? (
          <p>{t('staff.book.pickType')}</p>
        ) : (
          <>
            <p class="pager">
              {date > today ? <a href={shift(-1)}>{t('staff.schedule.prev')}</a> : null}{' '}
              <a href={shift(1)}>{t('staff.schedule.next')}</a>
            </p>
            <p>
              {t('staff.book.noneSuits')}{' '}
              <a
                href={`/staff/waitlist/new?${new URLSearchParams({ location: location!.slug, visitType: visitType.slug, provider: provider?.slug ?? '' })}`}
              >
                {t('staff.waitlist.add')}
              </a>
            </p>
            <DayHeading date={date} zone={zone} />
            <form method="post" action="/staff/book" novalidate>
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="key" value={values.key || newToken()} />
              <input type="hidden" name="location" value={location!.slug} />
              <input type="hidden" name="visitType" value={visitType.slug} />
              <input type="hidden" name="date" value={date} />
              {anyWalkIn ? (
                <p class="inset-warning">
                  {t('staff.book.walkInNote', { minutes: visitType.minNoticeMinutes })}
                </p>
              ) : null}
              <SlotChoices
                slots={slots}
                zone={zone}
                providerNames={new Map(providers.map((p) => [p.slug, p.displayName]))}
                chosen={values.slot}
                walkInBefore={walkInBefore}
              />
              {slots.length ? (
                <>
                  <PatientFields values={values} smsAvailable={scheduling.smsAvailable} />
                  {/* Text reminders only where an SMS gateway is configured (as on the patient pages). */}
                  {scheduling.smsAvailable ? (
                    <div class="checkbox form-group">
                      <input
                        type="checkbox"
                        id="smsReminders"
                        name="smsReminders"
                        value="yes"
                        checked={values.smsReminders === 'yes'}
                      />
                      <label for="smsReminders">{t('staff.book.sms')}</label>
                    </div>
                  ) : null}
                  <button class="button" type="submit">
                    {t('staff.book.submit')}
                  </button>
                </>
              ) : null}
            </form>
          </>
        )}
      </div>,
      status,
      c.get('staff'),
    );
  };

  pages.get('/staff/book', async (c) => {
    await requireDesk(c, 'book');
    return bookPage(c, c.req.query());
  });

  pages.post('/staff/book', async (c) => {
    await requireDesk(c, 'book');
    const form = await c.req.parseBody();
    const values = formValues(form);
    const { user } = c.get('staff');
    const d = await scheduling.directory.get();
    const location = d.locations.find((l) => l.slug === values.location && user.locationIds.includes(l.id));
    const choice = parseSlotChoice(values.slot);
    // Email or phone, or both: someone booking by phone may have no email address.
    const patient = patientFromForm(values);
    const errors = [
      ...(location ? [] : [t('staff.book.noClinic')]),
      ...(choice ? [] : [t('staff.slots.choose')]),
      ...patient.errors,
    ];
    if (errors.length || !location || !choice || !patient.patient) return bookPage(c, values, errors, 422);
    try {
      const booked = await bookAppointment(
        commandContext(c),
        {
          visitType: values.visitType ?? '',
          location: location.slug,
          provider: choice.provider,
          start: choice.start,
          patient: patient.patient,
          language: values.language === 'es' ? 'es' : 'en',
          // A stale form's "yes" means nothing without a gateway.
          smsReminders: scheduling.smsAvailable && values.smsReminders === 'yes',
          walkIn: true,
        },
        values.key && values.key.length >= 8 ? `staff:${values.key}` : undefined,
      );
      const a = booked.appointment;
      // Nobody will hear about the visit by message: the desk prints (or reads out) a slip.
      if (a.patient.email === null && !scheduling.smsAvailable)
        return c.redirect(`/staff/appointments/${a.id}/slip?done=booked`, 303);
      const date = dateInZone(a.startsAt.getTime(), location.timeZone);
      return c.redirect(
        `/staff?${new URLSearchParams({ location: location.slug, date, done: 'booked' })}`,
        303,
      );
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      return bookPage(c, { ...values, slot: '' }, messages, 409);
    }
  });

  // A slip for a patient who gets no messages (no email, no text messages here), or anyone who
  // wants one: when and where, and the clinic's phone number (never the private link, which
  // only the patient's own messages carry).
  pages.get('/staff/appointments/:id/slip', async (c) => {
    const a = await visibleAppointment(c, c.req.param('id'), 'read');
    await auditRead(c, a);
    const { location, provider, visitType, when } = await describe(a);
    const ms = a.startsAt.getTime();
    const row = (label: string, value: string) => (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    );
    return page(
      c,
      t('staff.slip.title'),
      <div class="narrow">
        {c.req.query('done') === 'booked' ? (
          <p class="notice no-print" role="status">
            {t('staff.slip.booked')}
          </p>
        ) : null}
        <h1>{t('staff.slip.title')}</h1>
        <dl class="summary-list">
          {row(t('staff.slip.for'), `${a.patient.givenName} ${a.patient.familyName}`)}
          {row(t('staff.visit.when'), when)}
          {row(
            t('staff.visit.where'),
            `${location.name}, ${location.street}, ${location.city}, ${location.region} ${location.postalCode}`,
          )}
          {row(t('staff.visit.who'), provider.displayName)}
          {row(t('staff.visit.what'), named(visitType.name))}
        </dl>
        <p>{t('staff.slip.change', { phone: location.phone })}</p>
        <p class="no-print">
          <button class="button" type="button" data-print hidden>
            {t('staff.slip.print')}
          </button>{' '}
          <a
            href={`/staff?${new URLSearchParams({ location: location.slug, date: dateInZone(ms, location.timeZone) })}`}
          >
            {t('staff.slip.back')}
          </a>
        </p>
      </div>,
      200,
      c.get('staff'),
    );
  });
}
