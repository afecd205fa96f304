/**
 * Invitations: an administrator invites a new staff member by email; the link
 * (/staff/invite/<token>, no session needed) lets them choose a password once, within 7 days.
 * Only the token's SHA-256 hash is stored; the email goes through the outbox with the change.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../../audit/index.js';
import { PG, pgErrorCode } from '../../platform/db/database.js';
import { clientAddress } from '../../platform/http/client.js';
import { enqueueMessage } from '../../notifications/index.js';
import { hashToken, newToken, TOKEN_PATTERN } from '../../platform/tokens.js';
import { hashPassword } from '../passwords.js';
import { mailHtml, NewPasswordFields, passwordError, SignInNext } from '../password-reset-pages.js';
import { insertUser } from '../staff-store.js';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { AccessFields, parseAccess, type AccessValues } from './access-fields.js';
import {
  later,
  AdminErrorSummary,
  all,
  Csrf,
  fieldErrors,
  requiredText,
  str,
  TextField,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';
import {
  claimInvite,
  emailTaken,
  existingLocationIds,
  findUsableInvite,
  insertInvite,
  linkInviteToUser,
  type Invite,
} from './staff-admin-store.js';

export const INVITE_LIFETIME_MS = 7 * 24 * 3_600_000;

const personSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, later('admin.invite.err.email'))
    .pipe(z.email(later('admin.invite.err.email'))),
  displayName: requiredText('admin.invite.err.displayName', 120),
});

type InviteValues = { email: string; displayName: string } & AccessValues;

export function inviteRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, requireAdmin, staffActor, now } = kit;

  // ---------------------------------------------------------------- the administrator's form

  const inviteForm = async (
    c: Context<StaffEnv>,
    values: InviteValues,
    errors: FieldErrors,
    status: 200 | 422,
  ) => {
    const d = await scheduling.directory.get();
    const title = t('admin.invite.title');
    return page(
      c,
      titleWithErrors(title, errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <p class="back-link-row">
          <a href="/staff/admin/staff">{t('admin.staff.title')}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('admin.invite.lead')}</p>
        <form method="post" action="/staff/admin/staff/invite" novalidate>
          <Csrf token={c.get('staff').csrf} />
          <TextField
            id="email"
            label={t('admin.staff.email')}
            type="email"
            value={values.email}
            errors={errors}
          />
          <TextField
            id="displayName"
            label={t('admin.staff.name')}
            value={values.displayName}
            errors={errors}
          />
          <AccessFields d={d} values={values} errors={errors} />
          <button class="button" type="submit">
            {t('admin.invite.send')}
          </button>
        </form>
      </div>,
      status,
      c.get('staff'),
    );
  };

  pages.get('/staff/admin/staff/invite', async (c) => {
    await requireAdmin(c, 'staff-invite');
    return inviteForm(
      c,
      { email: '', displayName: '', role: 'front-desk', locations: [], provider: '' },
      {},
      200,
    );
  });

  pages.post('/staff/admin/staff/invite', async (c) => {
    await requireAdmin(c, 'staff-invite');
    const d = await scheduling.directory.get();
    const form = (await c.req.parseBody({ all: true })) as FormBody;
    const values: InviteValues = {
      email: str(form, 'email'),
      displayName: str(form, 'displayName'),
      role: str(form, 'role'),
      locations: all(form, 'locations'),
      provider: str(form, 'provider'),
    };
    const person = personSchema.safeParse(values);
    const { errors: accessErrors, access } = parseAccess(d, values);
    const errors: FieldErrors = {
      ...(person.success ? {} : fieldErrors(person.error.issues)),
      ...accessErrors,
    };
    const email = personSchema.shape.email.safeParse(values.email);
    if (email.success && (await emailTaken(db, email.data))) errors.email = t('admin.invite.err.taken');
    if (!person.success || !access || Object.keys(errors).length) return inviteForm(c, values, errors, 422);
    const token = newToken();
    const at = now();
    const link = `${scheduling.publicUrl}/staff/invite/${token}`;
    const inviter = c.get('staff').user;
    await db.transaction(async (tx) => {
      const id = await insertInvite(tx, {
        ...person.data,
        ...access,
        tokenHash: hashToken(token),
        invitedBy: inviter.id,
        now: at,
        expiresAt: new Date(at.getTime() + INVITE_LIFETIME_MS),
      });
      const text = t('admin.invite.mailBody', {
        name: person.data.displayName,
        inviter: inviter.displayName,
        link,
        days: 7,
      });
      await enqueueMessage(tx, {
        dedupeKey: `staff-invite:${id}`,
        kind: 'staff-invite',
        recipient: person.data.email,
        language: 'en',
        subject: t('admin.invite.mailSubject', { network: d.network.name }),
        text,
        html: mailHtml(text),
        notBefore: at,
      });
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'create',
        entityType: 'staff-invite',
        entityId: id,
        outcome: 'success',
        detail: { role: access.role, clinics: access.locationIds.length },
      });
    });
    scheduling.kickOutbox();
    return c.redirect('/staff/admin/staff', 303);
  });

  // ---------------------------------------------------------------- the invitee's page (no session)

  const notValid = (c: Context) =>
    page(
      c,
      t('admin.invite.invalidTitle'),
      <div class="narrow">
        <h1>{t('admin.invite.invalidTitle')}</h1>
        <p>{t('admin.invite.invalid')}</p>
      </div>,
      404,
    );

  const usable = async (token: string): Promise<Invite | undefined> =>
    TOKEN_PATTERN.test(token) ? findUsableInvite(db, hashToken(token), now()) : undefined;

  const passwordForm = (
    c: Context,
    token: string,
    invite: Invite,
    errors: FieldErrors,
    status: 200 | 409 | 422,
  ) => {
    const title = t('admin.accept.title');
    return page(
      c,
      titleWithErrors(title, errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <h1>{title}</h1>
        <p>
          {t('admin.accept.lead', {
            name: invite.displayName,
            email: invite.email,
            role: t(`staff.role.${invite.role}`),
          })}
        </p>
        <form method="post" action={`/staff/invite/${token}`} novalidate>
          <NewPasswordFields errors={errors} />
          <button class="button" type="submit">
            {t('admin.accept.submit')}
          </button>
        </form>
      </div>,
      status,
    );
  };

  // Registered before the token route: "accepted" is not a token.
  pages.get('/staff/invite/accepted', (c) =>
    page(
      c,
      t('admin.accept.doneTitle'),
      <SignInNext title={t('admin.accept.doneTitle')} body={t('admin.accept.done')} />,
    ),
  );

  pages.get('/staff/invite/:token', async (c) => {
    const token = c.req.param('token');
    const invite = await usable(token);
    return invite ? passwordForm(c, token, invite, {}, 200) : notValid(c);
  });

  pages.post('/staff/invite/:token', async (c) => {
    const token = c.req.param('token');
    const invite = await usable(token);
    if (!invite) return notValid(c);
    const form = (await c.req.parseBody()) as FormBody;
    const password = str(form, 'password');
    const problem = passwordError(password);
    if (problem) return passwordForm(c, token, invite, { password: problem }, 422);
    if (str(form, 'confirm') !== password)
      return passwordForm(c, token, invite, { confirm: t('account.password.err.confirm') }, 422);
    const passwordHash = await hashPassword(password);
    try {
      const created = await db.transaction(async (tx) => {
        // Claimed in the same transaction as the account: a second use finds it used.
        if (!(await claimInvite(tx, invite.id, now()))) return undefined;
        const userId = await insertUser(tx, {
          email: invite.email,
          displayName: invite.displayName,
          passwordHash,
          role: invite.role,
          providerId: invite.providerId,
          locationIds: await existingLocationIds(tx, invite.locationIds),
        });
        await linkInviteToUser(tx, invite.id, userId);
        await recordAudit(tx, {
          actorType: 'staff',
          actorId: userId,
          action: 'create',
          entityType: 'staff-user',
          entityId: userId,
          outcome: 'success',
          ip: clientAddress(c),
          requestId: c.get('requestId'),
          detail: { invite: invite.id },
        });
        return userId;
      });
      if (!created) return notValid(c);
    } catch (error) {
      // An account with this address was created since the invitation was sent.
      if (pgErrorCode(error) !== PG.uniqueViolation) throw error;
      return notValid(c);
    }
    return c.redirect('/staff/invite/accepted', 303);
  });
}
