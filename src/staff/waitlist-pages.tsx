/**
 * The waiting list of a clinic, for the front desk: who is waiting for what, and offering one of
 * them a chosen open time (they get the usual time-limited offer email). Freed times are still
 * offered automatically to the first person waiting; this is for the cases a person decides.
 */
import { locationById, providerById, visitTypeById } from '../directory/index.js';
import type { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../audit/index.js';
import {
  birthDate,
  dateInZone,
  dayInSentence,
  isRealDate,
  longDate,
  timeInZone,
} from '../platform/i18n/format.js';
import { tel } from '../platform/views/tel.js';
import { CardTable } from './card-table.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import { NotFound } from '../platform/http/problem.js';
import { searchSlots, staffOfferTime, listOpenEntries, type WaitlistEntry } from '../scheduling/index.js';
import { staffLocale, named, t, type StaffContext, type StaffEnv, type StaffKit } from './staff-kit.js';
import {
  FormErrors,
  parseSlotChoice,
  problemMessages,
  FilterButton,
  DayHeading,
  ClinicSelect,
  SlotForm,
} from './visit-views.js';

/** The entry id of the path, if it is a well-formed id (for the audit event of a refusal). */
const entryIdOf = (c: StaffContext) => {
  const id = c.req.param('id') ?? '';
  return UUID_PATTERN.test(id) ? id : null;
};

export function waitlistRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, now, page, staffActor, commandContext, requireDesk } = kit;

  const audit = (
    c: StaffContext,
    action: string,
    entry: WaitlistEntry | undefined,
    outcome: 'success' | 'denied',
  ) =>
    recordAudit(db, {
      ...staffActor(c),
      action,
      entityType: 'waitlist-entry',
      entityId: entry?.id ?? null,
      outcome,
    });

  pages.get('/staff/waitlist', async (c) => {
    await requireDesk(c, 'list', null, 'waitlist-entry');
    const session = c.get('staff');
    const d = await scheduling.directory.get();
    const myLocations = d.locations.filter((l) => session.user.locationIds.includes(l.id));
    const location = kit.chosenClinic(c, myLocations);
    const entries = location ? await listOpenEntries(db, location.id) : [];
    for (const e of entries) await audit(c, 'list', e, 'success');
    const heading = t('staff.waitlist.title', { clinic: location?.name ?? '' });
    const done = c.req.query('done');
    return page(
      c,
      heading,
      <>
        <h1>{heading}</h1>
        {done === 'offered' || done === 'added' ? (
          <p class="notice" role="status">
            {t(done === 'offered' ? 'staff.done.offered' : 'staff.waitlist.added')}
          </p>
        ) : null}
        <p>
          <a class="button secondary" href={`/staff/waitlist/new?location=${location?.slug ?? ''}`}>
            {t('staff.waitlist.add')}
          </a>
        </p>
        <form method="get" action="/staff/waitlist" class="filters">
          <ClinicSelect locations={myLocations} chosenId={location?.id} />
          <FilterButton label={t('staff.schedule.show')} />
        </form>
        {entries.length === 0 ? (
          <p>{t('staff.waitlist.none')}</p>
        ) : (
          <CardTable
            columns={[
              t('staff.waitlist.place'),
              t('staff.col.patient'),
              t('staff.col.birthDate'),
              t('staff.waitlist.phone'),
              t('staff.col.visit'),
              t('staff.waitlist.dates'),
              t('staff.col.status'),
              t('staff.col.actions'),
            ]}
            rows={entries.map((e, i) => {
              const v = visitTypeById(d, e.visitTypeId)!;
              const p = providerById(d, e.providerId);
              return [
                String(i + 1),
                `${e.patient.familyName}, ${e.patient.givenName}`,
                birthDate(staffLocale(), e.patient.birthDate),
                // The desk calls people when a time frees up.
                e.patient.phone !== null ? (
                  <a href={tel(e.patient.phone)}>{e.patient.phone}</a>
                ) : (
                  e.patient.email
                ),
                `${named(v.name)}${p ? ` · ${p.displayName}` : ''}`,
                `${longDate(staffLocale(), e.earliest)} – ${longDate(staffLocale(), e.latest)}`,
                e.status === 'offered' && e.offerExpiresAt
                  ? t('staff.waitlist.offered', {
                      until: `${dayInSentence(staffLocale(), e.offerExpiresAt.getTime(), location!.timeZone)}, ${timeInZone(staffLocale(), e.offerExpiresAt.getTime(), location!.timeZone)}`,
                    })
                  : t('staff.waitlist.waiting'),
                e.status === 'waiting' ? (
                  <a class="button secondary" href={`/staff/waitlist/${e.id}/offer`}>
                    {t('staff.waitlist.offer')}
                  </a>
                ) : (
                  ''
                ),
              ];
            })}
          />
        )}
      </>,
      200,
      session,
    );
  });

  /** The entry if it is at one of this user's clinics; otherwise an audited "not found". */
  const visibleEntry = async (c: StaffContext, id: string, action: string) => {
    const [row] = UUID_PATTERN.test(id)
      ? await db.query<{ location_id: string }>('SELECT location_id FROM waitlist_entries WHERE id = $1', [
          id,
        ])
      : [];
    const entries =
      row && c.get('staff').user.locationIds.includes(row.location_id)
        ? await listOpenEntries(db, row.location_id)
        : [];
    const entry = entries.find((e) => e.id === id);
    if (!entry) {
      await recordAudit(db, {
        ...staffActor(c),
        action,
        entityType: 'waitlist-entry',
        entityId: row ? id : null,
        outcome: row ? 'denied' : 'not-found',
      });
      throw new NotFound();
    }
    return entry;
  };

  const offerPage = async (
    c: StaffContext,
    entry: WaitlistEntry,
    query: { provider?: string; date?: string },
    errors?: string[],
    status: 200 | 409 | 422 = 200,
  ) => {
    const d = await scheduling.directory.get();
    const location = locationById(d, entry.locationId)!;
    const visitType = visitTypeById(d, entry.visitTypeId)!;
    const providers = d.providers.filter(
      (p) =>
        p.locations.includes(location.slug) &&
        visitType.providers.includes(p.slug) &&
        (!entry.providerId || p.id === entry.providerId),
    );
    const today = dateInZone(now().getTime(), location.timeZone);
    const first = entry.earliest > today ? entry.earliest : today;
    const date = query.date && isRealDate(query.date) && query.date >= first ? query.date : first;
    const provider = providers.find((p) => p.slug === query.provider);
    const slots =
      date <= entry.latest
        ? await searchSlots(scheduling, {
            visitType: visitType.slug,
            location: location.slug,
            ...(provider ? { provider: provider.slug } : {}),
            from: date,
            to: date,
          }).then((all) => all.filter((s) => providers.some((p) => p.slug === s.provider)))
        : [];
    const next = Temporal.PlainDate.from(date).add({ days: 1 }).toString();
    return page(
      c,
      t('staff.waitlist.offerTitle'),
      <div>
        <FormErrors messages={errors} />
        <h1>{t('staff.waitlist.offerTitle')}</h1>
        <p>
          {entry.patient.givenName} {entry.patient.familyName}: {named(visitType.name)},{' '}
          {longDate(staffLocale(), entry.earliest)} – {longDate(staffLocale(), entry.latest)}
        </p>
        <form method="get" action={`/staff/waitlist/${entry.id}/offer`} class="filters">
          <div class="form-group">
            <label class="label" for="date">
              {t('staff.schedule.date')}
            </label>
            <input
              class="input width-10"
              id="date"
              name="date"
              type="date"
              value={date}
              min={first}
              max={entry.latest}
            />
          </div>
          <FilterButton label={t('staff.slots.show')} />
        </form>
        {next <= entry.latest ? (
          <p class="pager">
            <a href={`/staff/waitlist/${entry.id}/offer?date=${next}`}>{t('staff.schedule.next')}</a>
          </p>
        ) : null}
        <DayHeading date={date} zone={location.timeZone} />
        <SlotForm
          action={`/staff/waitlist/${entry.id}/offer`}
          csrf={c.get('staff').csrf}
          slots={slots}
          zone={location.timeZone}
          providerNames={new Map(providers.map((p) => [p.slug, p.displayName]))}
          submit={t('staff.waitlist.send')}
        />
        <p>
          <a href={`/staff/waitlist?location=${location.slug}`}>{t('staff.waitlist.back')}</a>
        </p>
      </div>,
      status,
      c.get('staff'),
    );
  };

  pages.get('/staff/waitlist/:id/offer', async (c) => {
    await requireDesk(c, 'read', entryIdOf(c), 'waitlist-entry');
    const entry = await visibleEntry(c, c.req.param('id'), 'read');
    await audit(c, 'read', entry, 'success');
    return offerPage(c, entry, c.req.query());
  });

  pages.post('/staff/waitlist/:id/offer', async (c) => {
    await requireDesk(c, 'offer', entryIdOf(c), 'waitlist-entry');
    const entry = await visibleEntry(c, c.req.param('id'), 'offer');
    const choice = parseSlotChoice((await c.req.parseBody()).slot);
    const fail = async (messages: string[], status: 409 | 422) => {
      await audit(c, 'read', entry, 'success');
      return offerPage(c, entry, {}, messages, status);
    };
    if (!choice) return fail([t('staff.slots.choose')], 422);
    try {
      await staffOfferTime(commandContext(c), entry.id, choice);
    } catch (error) {
      const messages = problemMessages(error);
      if (!messages) throw error;
      return fail(messages, 409);
    }
    const d = await scheduling.directory.get();
    const location = locationById(d, entry.locationId)!;
    return c.redirect(`/staff/waitlist?location=${location.slug}&done=offered`, 303);
  });
}
