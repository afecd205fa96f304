/**
 * Retiring and re-activating clinics, providers and visit types (network administrators, ADR 23).
 * Retiring never deletes: the row gets retired_at, the directory leaves it out (public pages,
 * search, booking, FHIR), and past visits, the audit trail and patients' links still find it by
 * id. Visits still to come stop at the affected-visits question, with one way forward: cancel
 * them (each patient is told); otherwise the administrator goes back and moves them first. It is
 * retired first, then each visit is cancelled in its own transaction (ADR 9), so nothing can be
 * booked meanwhile and no freed time is offered to the waiting list. People on its waiting list
 * are shown in the same question (it could never offer them a time); retiring closes their
 * entries in its transaction and tells each of them (scheduling's closeEntriesOfRetired).
 */
import type { Context, Hono } from 'hono';
import { recordAudit } from '../../audit/index.js';
import { type Directory, providerById, visitTypeById } from '../../directory/index.js';
import { longDate } from '../../platform/i18n/format.js';
import { CardTable } from '../card-table.js';
import { tel } from '../../platform/views/tel.js';
import {
  closeEntriesOfRetired,
  listAppointments,
  openEntriesNaming,
  type WaitlistEntry,
} from '../../scheduling/index.js';
import { named, staffLocale, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { setRetired, type DirectoryTable } from './admin-store.js';
import { askAboutVisits, cancelVisits, decisionDetail, readDecision } from './affected-visits.js';
import { bySlug, Csrf, Section, type FormBody } from './admin-views.js';

export type RetirableKind = 'location' | 'provider' | 'visit-type';

interface Item {
  id: string;
  slug: string;
}

const KINDS: Record<
  RetirableKind,
  {
    table: DirectoryTable;
    path: string;
    active: (d: Directory) => Item[];
    retired: (d: Directory) => Item[];
    name: (x: Item) => string;
    filter: (id: string) => { locationId?: string; providerId?: string; visitTypeId?: string };
    reason: string;
  }
> = {
  location: {
    table: 'locations',
    path: 'clinics',
    active: (d) => d.locations,
    retired: (d) => d.retired?.locations ?? [],
    name: (x) => (x as Directory['locations'][number]).name,
    filter: (id) => ({ locationId: id }),
    reason: 'clinic-closed',
  },
  provider: {
    table: 'providers',
    path: 'providers',
    active: (d) => d.providers,
    retired: (d) => d.retired?.providers ?? [],
    name: (x) => (x as Directory['providers'][number]).displayName,
    filter: (id) => ({ providerId: id }),
    reason: 'provider-unavailable',
  },
  'visit-type': {
    table: 'visit_types',
    path: 'visit-types',
    active: (d) => d.visitTypes,
    retired: (d) => d.retired?.visitTypes ?? [],
    name: (x) => named((x as Directory['visitTypes'][number]).name),
    filter: (id) => ({ visitTypeId: id }),
    reason: 'other',
  },
};

/** The section at the foot of an active one's page: what retiring does, and the button. */
export function RetireSection(props: { kind: RetirableKind; slug: string; name: string; csrf: string }) {
  return (
    <Section title={t('admin.retire.title', { name: props.name })}>
      <form method="post" action={`/staff/admin/${KINDS[props.kind].path}/${props.slug}/retire`}>
        <Csrf token={props.csrf} />
        <p>{t('admin.retire.hint', { name: props.name })}</p>
        <button class="button warning" type="submit">
          {t('admin.retire.button')}
        </button>
      </form>
    </Section>
  );
}

/** A list row's status and, for a retired one, the button that re-activates it. */
export function RetiredCell(props: { kind: RetirableKind; slug: string; csrf: string }) {
  return (
    <form method="post" action={`/staff/admin/${KINDS[props.kind].path}/${props.slug}/reactivate`}>
      <Csrf token={props.csrf} />
      <span class="status status-cancelled">{t('admin.retire.retired')}</span>{' '}
      <button class="button secondary" type="submit">
        {t('admin.retire.reactivate')}
      </button>
    </form>
  );
}

/** The waiting-list entries retiring would close (their reads are audited by the caller). */
function WaitingEntries({ d, entries }: { d: Directory; entries: WaitlistEntry[] }) {
  return (
    <>
      <h2>{t('admin.retire.waitingHeading', { n: entries.length })}</h2>
      <p>{t('admin.retire.waitingHint')}</p>
      <CardTable
        columns={[
          t('staff.col.patient'),
          t('staff.waitlist.phone'),
          t('staff.col.visit'),
          t('staff.waitlist.dates'),
        ]}
        rows={entries.map((e) => [
          `${e.patient.givenName} ${e.patient.familyName}`,
          e.patient.phone !== null ? <a href={tel(e.patient.phone)}>{e.patient.phone}</a> : e.patient.email,
          `${named(visitTypeById(d, e.visitTypeId)?.name ?? { en: '', es: '' })} · ${providerById(d, e.providerId)?.displayName ?? t('book.provider.any')}`,
          `${longDate(staffLocale(), e.earliest)} – ${longDate(staffLocale(), e.latest)}`,
        ])}
      />
    </>
  );
}

/** The retired ones of a kind, for the administration's lists. */
export const retiredOf = <K extends keyof NonNullable<Directory['retired']>>(d: Directory, key: K) =>
  (d.retired?.[key] ?? []) as NonNullable<Directory['retired']>[K];

export function retirementRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, requireAdmin, staffActor, now } = kit;

  /** Visits still to come or under way (booked or checked in) that name it. */
  const comingVisits = async (kind: RetirableKind, id: string) => {
    const at = now();
    const found = await listAppointments(db, {
      ...KINDS[kind].filter(id),
      start: new Date(at.getTime() - 86_400_000),
      end: new Date(at.getTime() + 800 * 86_400_000),
    });
    return found.filter((a) => (a.status === 'booked' || a.status === 'checked-in') && a.endsAt > at);
  };

  const retire = (kind: RetirableKind) => async (c: Context<StaffEnv>) => {
    const k = KINDS[kind];
    await requireAdmin(c, kind);
    const d = await scheduling.directory.get();
    const item = bySlug(k.active(d), c.req.param('slug') ?? '');
    const name = k.name(item);
    const list = { href: `/staff/admin/${k.path}`, label: t('admin.retire.back') };
    const visits = await comingVisits(kind, item.id);
    // Its waiting list could never be offered a time again: shown here, closed on retiring.
    const waiting = await openEntriesNaming(db, k.filter(item.id));
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const { choice, ask, changed } = readDecision(body, [...visits, ...waiting]);
    if (visits.length + waiting.length > 0 && (ask || choice !== 'cancel')) {
      for (const e of waiting)
        await recordAudit(db, {
          ...staffActor(c),
          action: 'list',
          entityType: 'waitlist-entry',
          entityId: e.id,
          outcome: 'success',
        });
      const onlyWaiting = visits.length === 0;
      return askAboutVisits(kit, c, visits, changed, {
        action: `/staff/admin/${k.path}/${item.slug}/retire`,
        fields: {},
        back: { href: `/staff/admin/${k.path}/${item.slug}`, label: name },
        column: kind === 'location' ? 'provider' : 'location',
        also: waiting.length
          ? { ids: waiting.map((e) => e.id), content: <WaitingEntries d={d} entries={waiting} /> }
          : undefined,
        texts: {
          title: onlyWaiting
            ? t('admin.retire.waitingTitle', { n: waiting.length })
            : t('admin.retire.conflictTitle', { n: visits.length }),
          lead: t(onlyWaiting ? 'admin.retire.waitingLead' : 'admin.retire.conflictLead', { name }),
          changed: t('admin.retire.changed'),
          cancel: t(onlyWaiting ? 'admin.retire.closeWaiting' : 'admin.retire.cancel'),
          cancelHint: t(onlyWaiting ? 'admin.retire.closeWaitingHint' : 'admin.retire.cancelHint'),
          back: t('admin.retire.notNow'),
        },
      });
    }
    // Retired, its waiting list closed (each patient told) and audited, in one transaction.
    const closed = await kit.commandContext(c).transaction(async (tx) => {
      if (!(await setRetired(tx.db, k.table, item.id, now()))) return 0;
      const entries = await closeEntriesOfRetired(tx, d);
      await tx.audit({
        action: 'retire',
        entityType: kind,
        entityId: item.id,
        outcome: 'success',
        detail: {
          slug: item.slug,
          ...decisionDetail(choice, visits),
          ...(entries ? { waitlistClosed: entries } : {}),
        },
      });
      return entries;
    });
    if (closed) scheduling.kickOutbox();
    scheduling.directory.invalidate();
    if (visits.length === 0) return c.redirect(list.href, 303);
    return cancelVisits(kit, c, visits, {
      reason: k.reason,
      back: list,
      title: t('admin.retire.partialTitle'),
      partial: (n) => t('admin.retire.partial', { n }),
    });
  };

  const reactivate = (kind: RetirableKind) => async (c: Context<StaffEnv>) => {
    const k = KINDS[kind];
    await requireAdmin(c, kind);
    const item = bySlug(k.retired(await scheduling.directory.get()), c.req.param('slug') ?? '');
    await db.transaction(async (tx) => {
      if (!(await setRetired(tx, k.table, item.id, null))) return;
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'reactivate',
        entityType: kind,
        entityId: item.id,
        outcome: 'success',
        detail: { slug: item.slug },
      });
    });
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/${k.path}`, 303);
  };

  for (const kind of Object.keys(KINDS) as RetirableKind[]) {
    pages.post(`/staff/admin/${KINDS[kind].path}/:slug/retire`, retire(kind));
    pages.post(`/staff/admin/${KINDS[kind].path}/:slug/reactivate`, reactivate(kind));
  }
}
