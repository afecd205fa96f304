/**
 * A forgotten password: "Forgot your password?" on the sign-in page emails a one-time link (one
 * hour; only its hash is stored; a newer link replaces older ones) to an active account. The
 * answer is the same whether or not the address has an account, so the form tells nobody who
 * works here. Choosing the new password ends every session of the account; two-step sign-in
 * stays as it was. Administrators send the same link from a user's page (staff-admin.tsx).
 */
import type { Context, Hono } from 'hono';
import { recordAudit } from '../audit/index.js';
import { enqueueMessage } from '../notifications/index.js';
import type { Queryable } from '../platform/db/database.js';
import { clientAddress } from '../platform/http/client.js';
import { RateLimiter } from '../platform/http/rate-limit.js';
import { translator } from '../platform/i18n/i18n.js';
import { hashToken, newToken, TOKEN_PATTERN } from '../platform/tokens.js';
import {
  AdminErrorSummary,
  str,
  TextField,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin/admin-views.js';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblemKey } from './passwords.js';
import {
  claimLink,
  findUsableLink,
  insertResetLink,
  linksSince,
  setPasswordHash,
  type ResetLink,
} from './password-reset-store.js';
import { endSessionsOf } from './admin/staff-admin-store.js';
import { t, type StaffKit, type StaffEnv } from './staff-kit.js';
import { findUserByEmail, type StaffUser } from './staff-store.js';

export const RESET_LINK_LIFETIME_MS = 3_600_000;
/** At most this many links to one account an hour, however often someone asks. */
const LINKS_PER_HOUR = 3;

/** A new password typed twice (an invitation, a reset link). */
export function NewPasswordFields({ errors }: { errors: FieldErrors }) {
  return (
    <>
      <TextField
        id="password"
        label={t('account.password.label')}
        hint={t('account.password.hint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        value=""
        errors={errors}
        autocomplete="new-password"
      />
      <TextField
        id="confirm"
        label={t('account.password.confirm')}
        type="password"
        value=""
        errors={errors}
        autocomplete="new-password"
      />
    </>
  );
}

/** The page after a password was chosen: a title, a line and the way to sign in. */
export const SignInNext = ({ title, body }: { title: string; body: string }) => (
  <div class="narrow">
    <h1>{title}</h1>
    <p>{body}</p>
    <p>
      <a class="button" href="/staff/login">
        {t('staff.login.submit')}
      </a>
    </p>
  </div>
);

/** A plain-text staff email as simple HTML paragraphs. */
export const mailHtml = (text: string) =>
  `<p>${text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n\n/g, '</p><p>')}</p>`;

/** The message naming what is wrong with a new password, in the page's language. */
export function passwordError(password: string): string | undefined {
  const problem = passwordProblemKey(password);
  return problem && t(`account.password.err.${problem}`, { min: MIN_PASSWORD_LENGTH });
}

/**
 * Stores a new link for the user and queues its email (in the user's own language) in the
 * caller's transaction. `admin` is the administrator who sent it, if one did.
 */
export async function queueResetLink(
  tx: Queryable,
  o: { user: StaffUser; admin?: StaffUser; now: Date; publicUrl: string; networkName: string },
): Promise<string> {
  const token = newToken();
  const id = await insertResetLink(tx, {
    tokenHash: hashToken(token),
    userId: o.user.id,
    requestedBy: o.admin?.id ?? null,
    now: o.now,
    expiresAt: new Date(o.now.getTime() + RESET_LINK_LIFETIME_MS),
  });
  const mt = translator(o.user.language);
  const link = `${o.publicUrl}/staff/password/reset/${token}`;
  const text = o.admin
    ? mt('account.mail.adminBody', { name: o.user.displayName, admin: o.admin.displayName, link })
    : mt('account.mail.body', { name: o.user.displayName, link });
  await enqueueMessage(tx, {
    dedupeKey: `staff-password-reset:${id}`,
    kind: 'staff-password-reset',
    recipient: o.user.email,
    language: o.user.language,
    subject: mt('account.mail.subject', { network: o.networkName }),
    text,
    html: mailHtml(text),
    notBefore: o.now,
  });
  return id;
}

export function passwordResetRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, now } = kit;
  const perAddress = new RateLimiter(5);

  const forgotForm = (c: Context, email: string, errors: FieldErrors, status: 200 | 422 | 429 = 200) =>
    page(
      c,
      titleWithErrors(t('account.forgot.title'), errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <h1>{t('account.forgot.title')}</h1>
        <p>{t('account.forgot.lead')}</p>
        <form method="post" action="/staff/password/forgot" novalidate>
          <TextField
            id="email"
            label={t('staff.login.email')}
            type="email"
            value={email}
            errors={errors}
            autocomplete="username"
          />
          <button class="button" type="submit">
            {t('account.forgot.submit')}
          </button>
        </form>
      </div>,
      status,
    );

  pages.get('/staff/password/forgot', (c) => forgotForm(c, '', {}));

  pages.post('/staff/password/forgot', async (c) => {
    const form = (await c.req.parseBody()) as FormBody;
    const email = str(form, 'email').trim().slice(0, 254);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return forgotForm(c, email, { email: t('account.forgot.err.email') }, 422);
    const ip = clientAddress(c);
    const at = now();
    if (ip && perAddress.take(ip, at.getTime()) !== undefined)
      return forgotForm(c, email, { email: t('account.forgot.throttled') }, 429);
    const user = await findUserByEmail(db, email);
    const audit = (outcome: 'success' | 'not-found' | 'denied') =>
      ({
        actorType: 'staff',
        actorId: user?.id ?? null,
        action: 'password-reset-request',
        entityType: 'staff-user',
        entityId: user?.id ?? null,
        outcome,
        ip,
        requestId: c.get('requestId'),
      }) as const;
    if (!user || !user.active) {
      await recordAudit(db, audit('not-found'));
    } else if ((await linksSince(db, user.id, new Date(at.getTime() - 3_600_000))) >= LINKS_PER_HOUR) {
      await recordAudit(db, audit('denied'));
    } else {
      const d = await scheduling.directory.get();
      await db.transaction(async (tx) => {
        await queueResetLink(tx, {
          user,
          now: at,
          publicUrl: scheduling.publicUrl,
          networkName: d.network.name,
        });
        await recordAudit(tx, audit('success'));
      });
      scheduling.kickOutbox();
    }
    // The same answer either way: the form does not tell who has an account.
    return page(
      c,
      t('account.sent.title'),
      <div class="narrow">
        <h1>{t('account.sent.title')}</h1>
        <p>{t('account.sent.body', { email })}</p>
        <p>
          <a href="/staff/login">{t('staff.login.title')}</a>
        </p>
      </div>,
    );
  });

  // ---------------------------------------------------------------- the link

  const notValid = (c: Context) =>
    page(
      c,
      t('account.reset.invalidTitle'),
      <div class="narrow">
        <h1>{t('account.reset.invalidTitle')}</h1>
        <p>{t('account.reset.invalid')}</p>
        <p>
          <a class="button" href="/staff/password/forgot">
            {t('account.forgot.submit')}
          </a>
        </p>
      </div>,
      404,
    );

  const usable = (token: string): Promise<ResetLink | undefined> =>
    TOKEN_PATTERN.test(token) ? findUsableLink(db, hashToken(token), now()) : Promise.resolve(undefined);

  const resetForm = (
    c: Context,
    token: string,
    link: ResetLink,
    errors: FieldErrors,
    status: 200 | 422 = 200,
  ) =>
    page(
      c,
      titleWithErrors(t('account.reset.title'), errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <h1>{t('account.reset.title')}</h1>
        <p>{t('account.reset.lead', { email: link.email })}</p>
        <form method="post" action={`/staff/password/reset/${token}`} novalidate>
          <NewPasswordFields errors={errors} />
          <button class="button" type="submit">
            {t('account.reset.submit')}
          </button>
        </form>
      </div>,
      status,
    );

  // Registered before the token route: "done" is not a token.
  pages.get('/staff/password/reset/done', (c) =>
    page(
      c,
      t('account.reset.doneTitle'),
      <SignInNext title={t('account.reset.doneTitle')} body={t('account.reset.done')} />,
    ),
  );

  pages.get('/staff/password/reset/:token', async (c) => {
    const token = c.req.param('token');
    const link = await usable(token);
    return link ? resetForm(c, token, link, {}) : notValid(c);
  });

  pages.post('/staff/password/reset/:token', async (c) => {
    const token = c.req.param('token');
    const link = await usable(token);
    if (!link) return notValid(c);
    const form = (await c.req.parseBody()) as FormBody;
    const password = str(form, 'password');
    const problem = passwordError(password);
    if (problem) return resetForm(c, token, link, { password: problem }, 422);
    if (str(form, 'confirm') !== password)
      return resetForm(c, token, link, { confirm: t('account.password.err.confirm') }, 422);
    const passwordHash = await hashPassword(password);
    const at = now();
    const changed = await db.transaction(async (tx) => {
      // Claimed with the change: a second use (or a double click) finds it used.
      if (!(await claimLink(tx, link.id, at))) return false;
      await setPasswordHash(tx, link.userId, passwordHash);
      // Whoever knew the old password is signed out everywhere.
      await endSessionsOf(tx, link.userId, at);
      await recordAudit(tx, {
        actorType: 'staff',
        actorId: link.userId,
        action: 'password-reset',
        entityType: 'staff-user',
        entityId: link.userId,
        outcome: 'success',
        ip: clientAddress(c),
        requestId: c.get('requestId'),
      });
      return true;
    });
    return changed ? c.redirect('/staff/password/reset/done', 303) : notValid(c);
  });
}
