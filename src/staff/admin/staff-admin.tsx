/**
 * Staff accounts: the list (with open invitations), one account's role, clinics and linked
 * provider, and deactivation (which ends the account's sessions) or reactivation. Nobody can
 * deactivate or demote themselves, and the last active administrator stays one.
 */
import { homeZone, type Directory } from '../../directory/index.js';
import type { Context, Hono } from 'hono';
import { recordAudit } from '../../audit/index.js';
import { NotFound } from '../../platform/http/problem.js';
import { dayInZone } from '../../platform/i18n/format.js';
import { UUID_PATTERN } from '../../platform/tokens.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import {
  endSessionsOf,
  findStaffAccount,
  listOpenInvites,
  listStaffAccounts,
  lockActiveAdmins,
  setActive,
  setRoleAndClinics,
  type StaffAccount,
} from './staff-admin-store.js';
import { CardTable } from '../card-table.js';
import {
  AdminErrorSummary,
  AdminList,
  all,
  Csrf,
  Section,
  str,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';
import { AccessFields, parseAccess, type AccessValues } from './access-fields.js';
import { AccountResets } from './account-resets.js';
import { hasClinicList, type Role } from '../roles.js';

const clinicNames = (d: Directory, a: { role: Role; locationIds: string[] }) =>
  !hasClinicList(a.role)
    ? t('admin.staff.allClinics')
    : d.locations
        .filter((l) => a.locationIds.includes(l.id))
        .map((l) => l.name)
        .join(', ');

export function staffAdminRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, requireAdmin, staffActor, now } = kit;

  pages.get('/staff/admin/staff', async (c) => {
    await requireAdmin(c, 'staff-user');
    const d = await scheduling.directory.get();
    const [accounts, invites] = await Promise.all([listStaffAccounts(db), listOpenInvites(db, now())]);
    return page(
      c,
      t('admin.staff.title'),
      <AdminList
        title={t('admin.staff.title')}
        add={{ href: '/staff/admin/staff/invite', label: t('admin.invite.title') }}
        columns={[
          t('admin.staff.name'),
          t('admin.staff.email'),
          t('admin.staff.role'),
          t('admin.staff.clinics'),
          t('admin.staff.status'),
          t('admin.staff.mfa'),
        ]}
        rows={accounts.map((a) => [
          <a href={`/staff/admin/staff/${a.id}`}>{a.displayName}</a>,
          <span class="nowrap">{a.email}</span>,
          t(`staff.role.${a.role}`),
          clinicNames(d, a),
          <span class={a.active ? 'status status-checked-in' : 'status status-cancelled'}>
            {t(a.active ? 'admin.staff.active' : 'admin.staff.inactive')}
          </span>,
          t(a.mfa ? 'admin.staff.mfaOn' : 'admin.staff.mfaOff'),
        ])}
      >
        <Section title={t('admin.invites.open')}>
          {invites.length === 0 ? (
            <p>{t('admin.invites.none')}</p>
          ) : (
            <CardTable
              columns={[
                t('admin.staff.name'),
                t('admin.staff.email'),
                t('admin.staff.role'),
                t('admin.invites.expires'),
              ]}
              rows={invites.map((i) => [
                i.displayName,
                i.email,
                t(`staff.role.${i.role}`),
                dayInZone(staffLocale(), i.expiresAt.getTime(), homeZone(d)),
              ])}
            />
          )}
        </Section>
      </AdminList>,
      200,
      c.get('staff'),
    );
  });

  const findAccount = async (id: string) => {
    const a = UUID_PATTERN.test(id) ? await findStaffAccount(db, id) : undefined;
    if (!a) throw new NotFound();
    return a;
  };

  const render = async (
    c: Context<StaffEnv>,
    a: StaffAccount,
    values: AccessValues,
    errors: FieldErrors,
    status: 200 | 409 | 422 = 200,
  ) => {
    const session = c.get('staff');
    const d = await scheduling.directory.get();
    const title = t('admin.account.title', { name: a.displayName });
    const self = a.id === session.user.id;
    return page(
      c,
      titleWithErrors(title, errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <p class="back-link-row">
          <a href="/staff/admin/staff">{t('admin.staff.title')}</a>
        </p>
        <h1>{title}</h1>
        <dl class="summary-list">
          <div>
            <dt>{t('admin.staff.email')}</dt>
            <dd>{a.email}</dd>
          </div>
          <div>
            <dt>{t('admin.staff.status')}</dt>
            <dd>{t(a.active ? 'admin.staff.active' : 'admin.staff.inactive')}</dd>
          </div>
          <div>
            <dt>{t('admin.staff.mfa')}</dt>
            <dd>{t(a.mfa ? 'admin.staff.mfaOn' : 'admin.staff.mfaOff')}</dd>
          </div>
        </dl>
        <Section title={t('admin.account.access')}>
          <form method="post" action={`/staff/admin/staff/${a.id}/access`} novalidate>
            <Csrf token={session.csrf} />
            <AccessFields d={d} values={values} errors={errors} />
            <button class="button" type="submit">
              {t('admin.save')}
            </button>
          </form>
        </Section>
        <Section title={t(a.active ? 'admin.account.deactivate' : 'admin.account.reactivate')}>
          {self ? (
            <p id="active">{t('admin.account.selfHint')}</p>
          ) : (
            <form
              method="post"
              action={`/staff/admin/staff/${a.id}/${a.active ? 'deactivate' : 'reactivate'}`}
            >
              <Csrf token={session.csrf} />
              <p>{t(a.active ? 'admin.account.deactivateHint' : 'admin.account.reactivateHint')}</p>
              <button id="active" class={a.active ? 'button warning' : 'button'} type="submit">
                {t(a.active ? 'admin.account.deactivate' : 'admin.account.reactivate')}
              </button>
            </form>
          )}
        </Section>
        {a.active ? (
          <div id="account-resets">
            <AccountResets id={a.id} email={a.email} csrf={session.csrf} notice={c.req.query('done')} />
          </div>
        ) : null}
      </div>,
      status,
      session,
    );
  };

  const valuesOf = (a: StaffAccount): AccessValues => ({
    role: a.role,
    locations: a.locationIds,
    provider: a.providerId ?? '',
  });

  pages.get('/staff/admin/staff/:id', async (c) => {
    await requireAdmin(c, 'staff-user');
    const a = await findAccount(c.req.param('id'));
    return render(c, a, valuesOf(a), {});
  });

  pages.post('/staff/admin/staff/:id/access', async (c) => {
    await requireAdmin(c, 'staff-user');
    const a = await findAccount(c.req.param('id'));
    const d = await scheduling.directory.get();
    const form = (await c.req.parseBody({ all: true })) as FormBody;
    const values: AccessValues = {
      role: str(form, 'role'),
      locations: all(form, 'locations'),
      provider: str(form, 'provider'),
    };
    const { errors, access } = parseAccess(d, values);
    if (!access) return render(c, a, values, errors, 422);
    const self = a.id === c.get('staff').user.id;
    if (self && access.role !== a.role)
      return render(c, a, values, { role: t('admin.account.err.selfRole') }, 409);
    const refused = await db.transaction(async (tx) => {
      const admins = await lockActiveAdmins(tx);
      if (a.role === 'admin' && access.role !== 'admin' && admins.length === 1 && admins[0] === a.id)
        return true;
      await setRoleAndClinics(tx, a.id, access);
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'update',
        entityType: 'staff-user',
        entityId: a.id,
        outcome: 'success',
        detail: { role: access.role, clinics: access.locationIds.length },
      });
      return false;
    });
    if (refused) return render(c, a, values, { role: t('admin.account.err.lastAdmin') }, 409);
    return c.redirect(`/staff/admin/staff/${a.id}`, 303);
  });

  const setActiveRoute = (active: boolean) => async (c: Context<StaffEnv>) => {
    await requireAdmin(c, 'staff-user');
    const a = await findAccount(c.req.param('id')!);
    const self = a.id === c.get('staff').user.id;
    const refused = await db.transaction(async (tx) => {
      const admins = await lockActiveAdmins(tx);
      // The last administrator first: it is the reason that holds even for oneself.
      if (!active && admins.length === 1 && admins[0] === a.id) return t('admin.account.err.lastAdmin');
      if (self) return t('admin.account.err.self');
      if (!(await setActive(tx, a.id, active))) return undefined;
      const ended = active ? 0 : await endSessionsOf(tx, a.id, now());
      await recordAudit(tx, {
        ...staffActor(c),
        action: active ? 'reactivate' : 'deactivate',
        entityType: 'staff-user',
        entityId: a.id,
        outcome: 'success',
        ...(active ? {} : { detail: { sessionsEnded: ended } }),
      });
      return undefined;
    });
    if (refused) return render(c, a, valuesOf(a), { active: refused }, 409);
    return c.redirect(`/staff/admin/staff/${a.id}`, 303);
  };
  pages.post('/staff/admin/staff/:id/deactivate', setActiveRoute(false));
  pages.post('/staff/admin/staff/:id/reactivate', setActiveRoute(true));
}
