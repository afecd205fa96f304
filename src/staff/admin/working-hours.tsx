/**
 * Removing a block of a provider's working hours. Visits booked in those hours never lose them
 * silently: the administrator sees the visits and keeps them (they wait on the decisions page
 * with their reminders held, reason "hours") or cancels them (each patient is told), as with
 * time off and closures (affected-visits.tsx). Once removed, the provider's page offers an Undo
 * that adds the same hours back through the usual form (checked for overlaps, audited).
 */
import type { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../../audit/index.js';
import { locationById, type Provider } from '../../directory/index.js';
import { NotFound } from '../../platform/http/problem.js';
import { UUID_PATTERN } from '../../platform/tokens.js';
import { holdVisitsForDecision, listAppointments, type StoredAppointment } from '../../scheduling/index.js';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { listWorkingBlocks, removeWorkingBlock, type WorkingBlockRow } from './admin-store.js';
import { askAboutVisits, cancelVisits, decisionDetail, readDecision } from './affected-visits.js';
import type { FormBody } from './admin-views.js';
import { findProvider } from './providers-admin.js';

/** How far ahead visits are looked for: the longest a visit type can be booked ahead, and more. */
const LOOK_AHEAD_DAYS = 400;

/** Booked or checked-in visits from now on that fall inside this block of working hours. */
async function visitsInBlock(kit: StaffKit, p: Provider, b: WorkingBlockRow): Promise<StoredAppointment[]> {
  const d = await kit.scheduling.directory.get();
  const zone = locationById(d, b.locationId)!.timeZone;
  const now = kit.now();
  const found = await listAppointments(kit.db, {
    providerId: p.id,
    locationId: b.locationId,
    start: now,
    end: new Date(now.getTime() + LOOK_AHEAD_DAYS * 86_400_000),
  });
  return found.filter((a) => {
    if (a.status !== 'booked' && a.status !== 'checked-in') return false;
    const local = Temporal.Instant.fromEpochMilliseconds(a.startsAt.getTime()).toZonedDateTimeISO(zone);
    const date = local.toPlainDate().toString();
    const time = local.toPlainTime().toString({ smallestUnit: 'minute' });
    return (
      local.dayOfWeek === b.weekday &&
      time >= b.starts &&
      time < b.ends &&
      date >= b.validFrom &&
      (b.validTo === null || date <= b.validTo)
    );
  });
}

export function workingHoursRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, requireAdmin, staffActor } = kit;

  pages.post('/staff/admin/providers/:slug/blocks/:id/remove', async (c) => {
    await requireAdmin(c, 'provider');
    const p = await findProvider(kit, c.req.param('slug'));
    const id = c.req.param('id');
    if (!UUID_PATTERN.test(id)) throw new NotFound();
    const block = (await listWorkingBlocks(db, p.id)).find((b) => b.id === id);
    const providerPage = `/staff/admin/providers/${p.slug}`;
    // Removed already (a second click, another tab): nothing to do.
    if (!block) return c.redirect(providerPage, 303);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const visits = await visitsInBlock(kit, p, block);
    const { choice, ask, changed } = readDecision(body, visits);
    const back = { href: providerPage, label: p.displayName };
    if (ask)
      return askAboutVisits(kit, c, visits, changed, {
        action: `${providerPage}/blocks/${block.id}/remove`,
        fields: {},
        back,
        column: 'location',
        texts: {
          title: t('admin.block.conflictTitle', { n: visits.length }),
          lead: t('admin.block.conflictLead', { name: p.displayName }),
          changed: t('admin.block.changed'),
          keep: t('admin.block.keep'),
          keepHint: t('admin.block.keepHint'),
          cancel: t('admin.block.cancel'),
          cancelHint: t('admin.block.cancelHint'),
          back: t('admin.block.back'),
        },
      });
    const removed = await db.transaction(async (tx) => {
      if (!(await removeWorkingBlock(tx, p.id, block.id))) return false;
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'delete',
        entityType: 'provider-schedule',
        entityId: block.id,
        outcome: 'success',
        detail: { provider: p.id, ...decisionDetail(choice, visits) },
      });
      if (choice === 'keep')
        await holdVisitsForDecision(
          tx,
          visits.map((v) => v.id),
          'hours',
        );
      return true;
    });
    scheduling.directory.invalidate();
    if (!removed) return c.redirect(providerPage, 303);
    if (choice === 'cancel' && visits.length)
      return cancelVisits(kit, c, visits, {
        reason: 'provider-unavailable',
        back,
        title: t('admin.block.partialTitle'),
        partial: (n) => t('admin.block.partial', { n }),
      });
    if (visits.length) return c.redirect('/staff/decisions', 303);
    // The same hours, for the notice's Undo (no patient data: a clinic, a weekday, times, dates).
    const undo = new URLSearchParams({
      removed: '1',
      location: block.locationId,
      weekday: String(block.weekday),
      starts: block.starts,
      ends: block.ends,
      validFrom: block.validFrom,
      validTo: block.validTo ?? '',
    });
    return c.redirect(`${providerPage}?${undo}`, 303);
  });
}
