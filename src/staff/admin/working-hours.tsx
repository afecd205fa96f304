/**
 * Removing a block of a provider's working hours, and what removing and changing hours share
 * (changing: working-hours-edit.tsx). Visits booked in hours taken away never lose them silently:
 * the administrator sees the visits and keeps them (they wait on the decisions page with their
 * reminders held, reason "hours") or cancels them (each patient is told), as with time off and
 * closures (affected-visits.tsx). A removal without visits offers an Undo on the provider's page
 * that adds the same hours back through the usual form (checked for overlaps, audited).
 */
import type { Context, Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../../audit/index.js';
import { locationById, type Provider } from '../../directory/index.js';
import { NotFound } from '../../platform/http/problem.js';
import { UUID_PATTERN } from '../../platform/tokens.js';
import { holdVisitsForDecision, listAppointments, type StoredAppointment } from '../../scheduling/index.js';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { listWorkingBlocks, removeWorkingBlock, type WorkingBlockRow } from './admin-store.js';
import {
  askAboutVisits,
  cancelVisits,
  decisionDetail,
  readDecision,
  type Decision,
} from './affected-visits.js';
import { blockValues } from './block-form.js';
import type { FormBody } from './admin-views.js';
import { findProvider } from './providers-admin.js';

/** How far ahead visits are looked for: the longest a visit type can be booked ahead, and more. */
const LOOK_AHEAD_DAYS = 400;

type Hours = Omit<WorkingBlockRow, 'id'>;

/** The block's wall-clock part of a visit, in the clinic's zone. */
function localVisit(a: StoredAppointment, zone: string) {
  const at = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone);
  const start = at(a.startsAt);
  const end = at(a.endsAt);
  const date = start.toPlainDate().toString();
  return {
    weekday: start.dayOfWeek,
    date,
    starts: start.toPlainTime().toString({ smallestUnit: 'minute' }),
    // A visit running past midnight ends after any block of that day.
    ends:
      end.toPlainDate().toString() === date
        ? end.toPlainTime().toString({ smallestUnit: 'minute' })
        : '24:00',
  };
}

const onDate = (h: Hours, date: string) => date >= h.validFrom && (h.validTo === null || date <= h.validTo);

/**
 * Booked or checked-in visits from now on that start inside the block `was` and that `next` (the
 * block as changed; none when it is removed) no longer holds whole: another clinic, day or date,
 * or a start or end outside the new times.
 */
export async function visitsLosingHours(
  kit: StaffKit,
  p: Provider,
  was: WorkingBlockRow,
  next?: Hours,
): Promise<StoredAppointment[]> {
  const d = await kit.scheduling.directory.get();
  const zone = locationById(d, was.locationId)!.timeZone;
  const now = kit.now();
  const found = await listAppointments(kit.db, {
    providerId: p.id,
    locationId: was.locationId,
    start: now,
    end: new Date(now.getTime() + LOOK_AHEAD_DAYS * 86_400_000),
  });
  return found.filter((a) => {
    if (a.status !== 'booked' && a.status !== 'checked-in') return false;
    const v = localVisit(a, zone);
    const inWas =
      v.weekday === was.weekday && v.starts >= was.starts && v.starts < was.ends && onDate(was, v.date);
    const keptByNext =
      next !== undefined &&
      next.locationId === a.locationId &&
      next.weekday === v.weekday &&
      onDate(next, v.date) &&
      v.starts >= next.starts &&
      v.ends <= next.ends;
    return inWas && !keptByNext;
  });
}

type Texts = 'admin.block' | 'admin.blockEdit';

/** The affected-visits question for hours being removed or changed: keep them, or cancel them. */
export function askAboutHours(
  kit: StaffKit,
  c: Context<StaffEnv>,
  p: Provider,
  visits: StoredAppointment[],
  changed: boolean,
  q: { action: string; fields: Record<string, string>; texts: Texts },
) {
  return askAboutVisits(kit, c, visits, changed, {
    action: q.action,
    fields: q.fields,
    back: { href: `/staff/admin/providers/${p.slug}`, label: p.displayName },
    column: 'location',
    texts: {
      title: t(`${q.texts}.conflictTitle`, { n: visits.length }),
      lead: t(`${q.texts}.conflictLead`, { name: p.displayName }),
      changed: t('admin.block.changed'),
      keep: t(`${q.texts}.keep`),
      keepHint: t('admin.block.keepHint'),
      cancel: t(`${q.texts}.cancel`),
      cancelHint: t('admin.block.cancelHint'),
      back: t(`${q.texts}.back`),
    },
  });
}

/**
 * After hours were removed or changed (and the audit event written): cancels the visits if that
 * was the decision, sends kept ones to the decisions page, or goes to `done` when there were none.
 */
export function afterHoursChange(
  kit: StaffKit,
  c: Context<StaffEnv>,
  p: Provider,
  visits: StoredAppointment[],
  choice: Decision | undefined,
  o: { texts: Texts; done: string },
) {
  if (choice === 'cancel' && visits.length)
    return cancelVisits(kit, c, visits, {
      reason: 'provider-unavailable',
      back: { href: `/staff/admin/providers/${p.slug}`, label: p.displayName },
      title: t(`${o.texts}.partialTitle`),
      partial: (n) => t('admin.block.partial', { n }),
    });
  return c.redirect(visits.length ? '/staff/decisions' : o.done, 303);
}

/** What the audit event and the decision record about visits kept over hours taken away. */
export async function recordHoursDecision(
  tx: Parameters<typeof holdVisitsForDecision>[0],
  choice: Decision | undefined,
  visits: StoredAppointment[],
) {
  if (choice === 'keep')
    await holdVisitsForDecision(
      tx,
      visits.map((v) => v.id),
      'hours',
    );
  return decisionDetail(choice, visits);
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
    const visits = await visitsLosingHours(kit, p, block);
    const { choice, ask, changed } = readDecision(body, visits);
    if (ask)
      return askAboutHours(kit, c, p, visits, changed, {
        action: `${providerPage}/blocks/${block.id}/remove`,
        fields: {},
        texts: 'admin.block',
      });
    const removed = await db.transaction(async (tx) => {
      if (!(await removeWorkingBlock(tx, p.id, block.id))) return false;
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'delete',
        entityType: 'provider-schedule',
        entityId: block.id,
        outcome: 'success',
        detail: { provider: p.id, ...(await recordHoursDecision(tx, choice, visits)) },
      });
      return true;
    });
    scheduling.directory.invalidate();
    if (!removed) return c.redirect(providerPage, 303);
    // The same hours, for the notice's Undo (no patient data: a clinic, a weekday, times, dates).
    const undo = new URLSearchParams({ removed: '1', ...blockValues(block) });
    return afterHoursChange(kit, c, p, visits, choice, {
      texts: 'admin.block',
      done: `${providerPage}?${undo}`,
    });
  });
}
