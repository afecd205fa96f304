/**
 * Changing one block of a provider's working hours (network administrators, like adding and
 * removing them). The new values go through the add form's rules (block-form.tsx) and the
 * database's refusal of a provider in two places at once, each named on the form; nothing is
 * written until all pass. Visits booked in the old hours that the new ones no longer hold are
 * asked about first, exactly as when hours are removed (keep them for a decision, or cancel them).
 * A change without such visits offers an Undo on the provider's page: the same form posted with
 * the old values, checked and audited like any change.
 */
import type { Context, Hono } from 'hono';
import { recordAudit } from '../../audit/index.js';
import { locationById, type Directory, type Provider } from '../../directory/index.js';
import { PG, pgErrorCode } from '../../platform/db/database.js';
import { NotFound } from '../../platform/http/problem.js';
import { weekdayName } from '../../platform/i18n/format.js';
import { UUID_PATTERN } from '../../platform/tokens.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { listWorkingBlocks, updateWorkingBlock, type WorkingBlockRow } from './admin-store.js';
import { readDecision } from './affected-visits.js';
import {
  AdminErrorSummary,
  Csrf,
  str,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';
import { BlockFields, blockDates, blockValues, readBlock, sameBlock, type Block } from './block-form.js';
import { findProvider } from './providers-admin.js';
import { afterHoursChange, askAboutHours, recordHoursDecision, visitsLosingHours } from './working-hours.js';

/** A block in words: "Wednesday 08:00–12:00, Clinic, from January 1, 2026". */
function describeBlock(d: Directory, b: Omit<WorkingBlockRow, 'id'>) {
  return `${weekdayName(staffLocale(), b.weekday)} ${b.starts}–${b.ends}, ${locationById(d, b.locationId)?.name ?? ''}, ${blockDates(b)}`;
}

/** The same in the audit trail: ids and times only. */
const auditBlock = (b: Omit<WorkingBlockRow, 'id'>) =>
  `${b.locationId} ${b.weekday} ${b.starts}-${b.ends} ${b.validFrom}..${b.validTo ?? ''}`;

export function workingHoursEditRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, refused, requireAdmin, staffActor } = kit;

  /** The provider and the block of the path, for a network administrator; otherwise "not found". */
  const target = async (c: Context<StaffEnv>) => {
    await requireAdmin(c, 'provider');
    const p = await findProvider(kit, c.req.param('slug') ?? '');
    const id = c.req.param('id') ?? '';
    if (!UUID_PATTERN.test(id)) throw new NotFound();
    const block = (await listWorkingBlocks(db, p.id)).find((b) => b.id === id);
    return { p, id, block };
  };

  const form = async (
    c: Context<StaffEnv>,
    p: Provider,
    block: WorkingBlockRow,
    values: Block,
    errors: FieldErrors,
    status: 200 | 409 | 422,
  ) => {
    const d = await scheduling.directory.get();
    const title = t('admin.blockEdit.title', { name: p.displayName });
    const back = `/staff/admin/providers/${p.slug}`;
    return page(
      c,
      titleWithErrors(title, errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <p class="back-link-row">
          <a href={back}>{p.displayName}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('admin.blockEdit.now', { hours: describeBlock(d, block) })}</p>
        <p class="hint">{t('admin.blockEdit.hint')}</p>
        <form method="post" action={`${back}/blocks/${block.id}/edit`} novalidate>
          <Csrf token={c.get('staff').csrf} />
          <BlockFields d={d} values={values} errors={errors} />
          <button class="button" type="submit">
            {t('admin.blockEdit.save')}
          </button>
        </form>
        <p>
          <a href={back}>{t('admin.blockEdit.back')}</a>
        </p>
      </div>,
      status,
      c.get('staff'),
    );
  };

  /** Removed or changed by someone else since the page was shown: nothing is written. */
  const gone = (c: Context<StaffEnv>, p: Provider) =>
    refused(c, [t('admin.blockEdit.gone')], {
      href: `/staff/admin/providers/${p.slug}`,
      label: p.displayName,
    });

  pages.get('/staff/admin/providers/:slug/blocks/:id/edit', async (c) => {
    const { p, block } = await target(c);
    if (!block) throw new NotFound();
    return form(c, p, block, blockValues(block), {}, 200);
  });

  pages.post('/staff/admin/providers/:slug/blocks/:id/edit', async (c) => {
    const { p, id, block } = await target(c);
    if (!block) return gone(c, p);
    const providerPage = `/staff/admin/providers/${p.slug}`;
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    // The provider page's Undo posts the old values back here, marked, to say "back" afterwards.
    const undo = str(body, 'undo') === '1';
    const { values, errors, row } = readBlock(body, await scheduling.directory.get());
    if (!row) return form(c, p, block, values, errors, 422);
    if (sameBlock(row, block)) return c.redirect(providerPage, 303);
    const visits = await visitsLosingHours(kit, p, block, row);
    const { choice, ask, changed } = readDecision(body, visits);
    if (ask)
      return askAboutHours(kit, c, p, visits, changed, {
        action: `${providerPage}/blocks/${id}/edit`,
        fields: { ...values, ...(undo ? { undo: '1' } : {}) },
        texts: 'admin.blockEdit',
      });
    let saved: boolean;
    try {
      saved = await db.transaction(async (tx) => {
        if (!(await updateWorkingBlock(tx, p.id, block, row))) return false;
        await recordAudit(tx, {
          ...staffActor(c),
          action: 'update',
          entityType: 'provider-schedule',
          entityId: block.id,
          outcome: 'success',
          detail: {
            provider: p.id,
            was: auditBlock(block),
            now: auditBlock(row),
            ...(undo ? { undo: 1 } : {}),
            ...(await recordHoursDecision(tx, choice, visits)),
          },
        });
        return true;
      });
    } catch (error) {
      if (pgErrorCode(error) !== PG.exclusionViolation) throw error;
      return form(
        c,
        p,
        block,
        values,
        { starts: t('admin.block.err.overlap', { name: p.displayName }) },
        409,
      );
    }
    scheduling.directory.invalidate();
    if (!saved) return gone(c, p);
    // The old hours, for the notice's Undo (no patient data: a clinic, a weekday, times, dates).
    const done = undo
      ? `${providerPage}?undone=1`
      : `${providerPage}?${new URLSearchParams({ edited: block.id, ...blockValues(block) })}`;
    return afterHoursChange(kit, c, p, visits, choice, { texts: 'admin.blockEdit', done });
  });
}
