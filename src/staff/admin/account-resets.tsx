/**
 * An administrator's help for a locked-out colleague, on the user's page: email them a password
 * reset link (the same one-hour link as "Forgot your password?"), or reset their two-step sign-in
 * after a lost phone (secret and recovery codes gone, sessions ended, set up again at the next
 * sign-in). Both are audited with the administrator as the actor.
 */
import type { Context, Hono } from 'hono';
import { recordAudit } from '../../audit/index.js';
import { UUID_PATTERN } from '../../platform/tokens.js';
import { NotFound } from '../../platform/http/problem.js';
import { queueResetLink } from '../password-reset-pages.js';
import { clearMfa } from '../password-reset-store.js';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { findUserById } from '../staff-store.js';
import { Csrf, Section } from './admin-views.js';
import { endSessionsOf } from './staff-admin-store.js';

export type AccountNotice = 'reset-sent' | 'mfa-reset' | 'mfa-none';

/** The section of a user's page with the two buttons, and the notice after either. */
export function AccountResets(props: { id: string; email: string; csrf: string; notice?: string }) {
  const notice = props.notice as AccountNotice | undefined;
  const text: Record<AccountNotice, string> = {
    'reset-sent': t('account.admin.resetSent', { email: props.email }),
    'mfa-reset': t('account.admin.mfaReset', { email: props.email }),
    'mfa-none': t('account.admin.mfaNone'),
  };
  return (
    <Section title={t('account.admin.section')}>
      {notice && notice in text ? (
        <p class="notice" role="status">
          {text[notice]}
        </p>
      ) : null}
      <form method="post" action={`/staff/admin/staff/${props.id}/password-reset`}>
        <Csrf token={props.csrf} />
        <p>{t('account.admin.sendResetHint')}</p>
        <button class="button secondary" type="submit">
          {t('account.admin.sendReset')}
        </button>
      </form>
      <form method="post" action={`/staff/admin/staff/${props.id}/mfa-reset`}>
        <Csrf token={props.csrf} />
        <p>{t('account.admin.resetMfaHint')}</p>
        <button class="button warning" type="submit">
          {t('account.admin.resetMfa')}
        </button>
      </form>
    </Section>
  );
}

export function accountResetRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, requireAdmin, staffActor, now } = kit;

  const target = async (c: Context<StaffEnv>) => {
    await requireAdmin(c, 'staff-user');
    const id = c.req.param('id') ?? '';
    const user = UUID_PATTERN.test(id) ? await findUserById(db, id) : undefined;
    if (!user || !user.active) throw new NotFound();
    return user;
  };
  const back = (id: string, done: AccountNotice) => `/staff/admin/staff/${id}?done=${done}#account-resets`;

  pages.post('/staff/admin/staff/:id/password-reset', async (c) => {
    const user = await target(c);
    const d = await scheduling.directory.get();
    await db.transaction(async (tx) => {
      const linkId = await queueResetLink(tx, {
        user,
        admin: c.get('staff').user,
        now: now(),
        publicUrl: scheduling.publicUrl,
        networkName: d.network.name,
      });
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'password-reset-send',
        entityType: 'staff-user',
        entityId: user.id,
        outcome: 'success',
        detail: { link: linkId },
      });
    });
    scheduling.kickOutbox();
    return c.redirect(back(user.id, 'reset-sent'), 303);
  });

  pages.post('/staff/admin/staff/:id/mfa-reset', async (c) => {
    const user = await target(c);
    const had = await db.transaction(async (tx) => {
      if (!(await clearMfa(tx, user.id))) return false;
      const ended = await endSessionsOf(tx, user.id, now());
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'mfa-reset',
        entityType: 'staff-user',
        entityId: user.id,
        outcome: 'success',
        detail: { sessionsEnded: ended },
      });
      return true;
    });
    return c.redirect(back(user.id, had ? 'mfa-reset' : 'mfa-none'), 303);
  });
}
