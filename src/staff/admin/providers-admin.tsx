/**
 * Providers: the list; a provider's profile, the visit types they offer, their weekly working
 * blocks per clinic (the database refuses a provider in two places at once: that refusal
 * becomes a form error) and their time off (added on its own page, time-off.tsx). A clinic
 * manager sees the providers working at their clinics and manages only their time off (ADR 23).
 */
import { homeZone, type Provider } from '../../directory/index.js';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../../audit/index.js';
import { PG, pgErrorCode } from '../../platform/db/database.js';
import { NotFound } from '../../platform/http/problem.js';
import { dateInZone } from '../../platform/i18n/format.js';
import { UUID_PATTERN } from '../../platform/tokens.js';
import { named, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { providerPage, type Block, type Profile, type ProviderForms } from './provider-page.js';
import { blockSchema, readBlock } from './block-form.js';
import { isNetworkAdmin } from '../roles.js';
import { clinicScope, managesProvider } from './clinic-scope.js';
import { RetiredCell, retiredOf } from './retirement.js';
import {
  addWorkingBlock,
  listTimeOff,
  listWorkingBlocks,
  removeTimeOff,
  setProviderVisitTypes,
  updateProvider,
} from './admin-store.js';
import {
  all,
  fieldErrors,
  optionalText,
  requiredText,
  str,
  titleWithErrors,
  type FormBody,
  AdminList,
  bySlug,
} from './admin-views.js';

export const profileSchema = z.object({
  displayName: requiredText('admin.provider.err.displayName', 120),
  credentials: optionalText(60),
  bioEn: requiredText('admin.provider.err.bioEn', 2000),
  bioEs: requiredText('admin.provider.err.bioEs', 2000),
});

/** The provider with this slug, or "not found". */
export async function findProvider(kit: StaffKit, slug: string): Promise<Provider> {
  return bySlug((await kit.scheduling.directory.get()).providers, slug);
}

export function providerRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, requireAdmin, staffActor, now } = kit;
  const { requireClinicAdmin, providerToManage } = clinicScope(kit);

  pages.get('/staff/admin/providers', async (c) => {
    await requireClinicAdmin(c, 'provider');
    const d = await scheduling.directory.get();
    const { user, csrf } = c.get('staff');
    const network = isNetworkAdmin(user);
    const clinic = (slug: string) => d.locations.find((l) => l.slug === slug)?.name ?? slug;
    return page(
      c,
      t('admin.providers.title'),
      <AdminList
        title={t('admin.providers.title')}
        columns={[
          t('admin.providers.col.name'),
          t('admin.provider.credentials'),
          t('admin.provider.clinics'),
          t('admin.provider.offers'),
          ...(network ? [t('admin.status')] : []),
        ]}
        add={network ? { href: '/staff/admin/providers/new', label: t('admin.providers.add') } : undefined}
        rows={[
          ...d.providers
            .filter((p) => managesProvider(d, user, p))
            .map((p) => [
              <a href={`/staff/admin/providers/${p.slug}`}>{p.displayName}</a>,
              p.credentials,
              p.locations.map(clinic).join(', '),
              d.visitTypes
                .filter((v) => p.visitTypes.includes(v.slug))
                .map((v) => named(v.name))
                .join(', '),
              ...(network ? [t('admin.active')] : []),
            ]),
          ...(network
            ? retiredOf(d, 'providers').map((p) => [
                p.displayName,
                p.credentials,
                '',
                '',
                <RetiredCell kind="provider" slug={p.slug} csrf={csrf} />,
              ])
            : []),
        ]}
      />,
      200,
      c.get('staff'),
    );
  });

  const render = async (
    c: Context<StaffEnv>,
    p: Provider,
    f: ProviderForms,
    status: 200 | 409 | 422 = 200,
  ) => {
    const session = c.get('staff');
    const d = await scheduling.directory.get();
    const blocks = await listWorkingBlocks(db, p.id);
    const timeOff = await listTimeOff(db, p.id, now());
    const view = providerPage({
      p,
      d,
      f,
      blocks,
      timeOff,
      csrf: session.csrf,
      today: dateInZone(now().getTime(), homeZone(d)),
      network: isNetworkAdmin(session.user),
    });
    return page(c, titleWithErrors(view.title, view.errors), view.body, status, session);
  };

  pages.get('/staff/admin/providers/:slug', async (c) => {
    const p = await providerToManage(c, c.req.param('slug'), 'provider');
    // Just removed (working-hours.tsx): the notice can put the same hours back.
    // Just changed (working-hours-edit.tsx): the notice can change them back to these values.
    const q = c.req.query();
    const old =
      q.removed === '1' || q.edited ? blockSchema.safeParse({ ...q, validTo: q.validTo ?? '' }) : undefined;
    const was = old?.success ? (old.data as Block) : undefined;
    if (q.edited && UUID_PATTERN.test(q.edited) && was)
      return render(c, p, { edited: { id: q.edited, was } });
    return render(c, p, q.removed === '1' && was ? { removed: was } : { undone: q.undone === '1' });
  });

  const audited = (
    c: Context<StaffEnv>,
    action: string,
    entityType: string,
    entityId: string,
    detail?: Record<string, string | number | boolean>,
  ) => ({
    ...staffActor(c),
    action,
    entityType,
    entityId,
    outcome: 'success' as const,
    ...(detail ? { detail } : {}),
  });

  pages.post('/staff/admin/providers/:slug/profile', async (c) => {
    await requireAdmin(c, 'provider');
    const p = await findProvider(kit, c.req.param('slug'));
    const form = (await c.req.parseBody()) as FormBody;
    const values = Object.fromEntries(
      Object.keys(profileSchema.shape).map((k) => [k, str(form, k)]),
    ) as Profile;
    const parsed = profileSchema.safeParse(values);
    if (!parsed.success)
      return render(c, p, { profile: { values, errors: fieldErrors(parsed.error.issues) } }, 422);
    const v = parsed.data;
    await db.transaction(async (tx) => {
      await updateProvider(tx, p.id, {
        displayName: v.displayName,
        credentials: v.credentials,
        bio: { en: v.bioEn, es: v.bioEs },
      });
      await recordAudit(tx, audited(c, 'update', 'provider', p.id, { part: 'profile' }));
    });
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/providers/${p.slug}`, 303);
  });

  pages.post('/staff/admin/providers/:slug/visit-types', async (c) => {
    await requireAdmin(c, 'provider');
    const p = await findProvider(kit, c.req.param('slug'));
    const d = await scheduling.directory.get();
    const chosen = all((await c.req.parseBody({ all: true })) as FormBody, 'visitTypes');
    const known = new Set(d.visitTypes.map((v) => v.id));
    if (chosen.some((id) => !known.has(id)))
      return render(
        c,
        p,
        { offers: { values: [], errors: { visitTypes: t('admin.provider.err.offers') } } },
        422,
      );
    await db.transaction(async (tx) => {
      await setProviderVisitTypes(tx, p.id, chosen);
      await recordAudit(
        tx,
        audited(c, 'update', 'provider', p.id, { part: 'visit-types', count: chosen.length }),
      );
    });
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/providers/${p.slug}`, 303);
  });

  pages.post('/staff/admin/providers/:slug/blocks', async (c) => {
    await requireAdmin(c, 'provider');
    const p = await findProvider(kit, c.req.param('slug'));
    const d = await scheduling.directory.get();
    const { values, errors, row } = readBlock((await c.req.parseBody()) as FormBody, d);
    if (!row) return render(c, p, { block: { values, errors } }, 422);
    try {
      await db.transaction(async (tx) => {
        const id = await addWorkingBlock(tx, p.id, row);
        await recordAudit(tx, audited(c, 'create', 'provider-schedule', id, { provider: p.id }));
      });
    } catch (error) {
      if (pgErrorCode(error) !== PG.exclusionViolation) throw error;
      return render(
        c,
        p,
        { block: { values, errors: { starts: t('admin.block.err.overlap', { name: p.displayName }) } } },
        409,
      );
    }
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/providers/${p.slug}`, 303);
  });

  pages.post('/staff/admin/providers/:slug/time-off/:id/remove', async (c) => {
    const p = await providerToManage(c, c.req.param('slug'), 'time-off');
    const id = c.req.param('id');
    if (!UUID_PATTERN.test(id)) throw new NotFound();
    await db.transaction(async (tx) => {
      if (await removeTimeOff(tx, p.id, id))
        await recordAudit(tx, audited(c, 'delete', 'time-off', id, { provider: p.id }));
    });
    scheduling.directory.invalidate();
    return c.redirect(`/staff/admin/providers/${p.slug}`, 303);
  });
}
