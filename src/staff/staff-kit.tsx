/**
 * What every staff page module shares: the session-carrying environment, the page frame, the
 * audit actor, and the two access checks (a visit this user may see; administrators only).
 * Every denial looks like "not found" and is audited.
 */
import type { Context } from 'hono';
import { recordAudit } from '../audit/index.js';
import type { Database } from '../platform/db/database.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { clientAddress } from '../platform/http/client.js';
import { readCookie, setPrivateCookie } from '../platform/http/cookies.js';
import { NotFound } from '../platform/http/problem.js';

import { UUID_PATTERN } from '../platform/tokens.js';
import type { Site } from '../platform/views/render.js';
import {
  commandContext as schedulingContext,
  findAppointment,
  type StoredAppointment,
  type Scheduling,
} from '../scheduling/index.js';
import type { Triage } from '../triage/index.js';
import type { StaffSession } from './auth.js';
import { isNetworkAdmin as isNetworkAdminRole, managesAnyClinic, worksTheDesk } from './roles.js';
import { StaffLayout } from './staff-views.js';

/** Remembers the clinic a staff user last chose (a slug; nothing private). */
const CLINIC_COOKIE = 'staff_clinic';

export type StaffEnv = AppEnv & { Variables: AppEnv['Variables'] & { staff: StaffSession } };
export type StaffContext = Context<StaffEnv>;

export { named, staffLocale, t } from './staff-language.js';
import { t } from './staff-language.js';

export interface StaffDeps {
  db: Database;
  scheduling: Scheduling;
  triage: Triage;
  site: Site;
  secureCookies: boolean;
  requireMfa: boolean;
  /** Where the site is served: a staff form posted from any other origin is refused. */
  publicUrl: string;
  /** Idle timeout and absolute lifetime of a staff session (STAFF_SESSION_*). */
  session: SessionLimits;
  /**
   * Development without SMTP: the outbox shows each message whole, private links included, so a
   * developer can read what a patient would get and follow its links. Never in production.
   */
  devMailViewer?: boolean;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export type PageStatus = 200 | 401 | 404 | 409 | 422 | 429;

export function staffKit(deps: StaffDeps) {
  const { db, scheduling, site } = deps;
  const now = () => scheduling.now();

  // Kept async for its callers; the answer is the role alone (ADR 23).
  const isNetworkAdmin = async (user: StaffSession['user']) => isNetworkAdminRole(user);

  const page = async (
    c: Context,
    title: string,
    body: unknown,
    status: PageStatus = 200,
    session?: StaffSession,
  ) => {
    const admin = session ? await isNetworkAdmin(session.user) : false;
    const clinicAdmin = session ? managesAnyClinic(session.user) : false;
    return c.html(
      <StaffLayout
        t={t}
        title={title}
        assets={site.assets}
        user={session?.user}
        csrf={session?.csrf}
        networkAdmin={admin}
        clinicAdmin={clinicAdmin}
        here={c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : c.req.path}
      >
        {body as never}
      </StaffLayout>,
      status,
    );
  };

  const staffActor = (c: Context<StaffEnv>) => ({
    actorType: 'staff' as const,
    actorId: c.get('staff').user.id,
    ip: clientAddress(c),
    requestId: c.get('requestId'),
  });

  /**
   * The clinic a page shows: the one asked for (remembered in a cookie for the next page and the
   * shortcuts), else the one chosen last, else the user's first. Only among the user's clinics.
   */
  const chosenClinic = <L extends { id: string; slug: string }>(c: Context, mine: L[], asked?: string) => {
    const wanted = asked ?? c.req.query('location');
    const picked = mine.find((l) => l.slug === wanted);
    if (picked) {
      setPrivateCookie(c, CLINIC_COOKIE, picked.slug, 365 * 86_400, deps.secureCookies);
      return picked;
    }
    return mine.find((l) => l.slug === readCookie(c, CLINIC_COOKIE)) ?? mine[0];
  };

  /** "Nothing was changed": a refused change (409) naming why, with one way back. */
  const refused = (c: Context<StaffEnv>, messages: string[], back: { href: string; label: string }) =>
    page(
      c,
      t('staff.refused.title'),
      <div class="narrow">
        <h1>{t('staff.refused.title')}</h1>
        <p>{messages.join(' ')}</p>
        <p>
          <a class="button" href={back.href}>
            {back.label}
          </a>
        </p>
      </div>,
      409,
      c.get('staff'),
    );

  /** The context a scheduling command takes for this staff request (ADR 21). */
  const commandContext = (c: Context<StaffEnv>) => schedulingContext(scheduling, staffActor(c));

  /** The appointment if this user may see it; otherwise the denial is audited and it is "not found". */
  const visibleAppointment = async (
    c: Context<StaffEnv>,
    id: string,
    action: string,
  ): Promise<StoredAppointment> => {
    const { user } = c.get('staff');
    const a = UUID_PATTERN.test(id) ? await findAppointment(db, id) : undefined;
    const allowed =
      a &&
      user.locationIds.includes(a.locationId) &&
      (user.role !== 'provider' || a.providerId === user.providerId);
    if (!a || !allowed) {
      await recordAudit(db, {
        ...staffActor(c),
        action,
        entityType: 'appointment',
        entityId: a?.id ?? null,
        outcome: a ? 'denied' : 'not-found',
      });
      throw new NotFound();
    }
    return a;
  };

  /**
   * Administration of the network, the audit trail and the outbox are for network administrators
   * (the role, ADR 23). A clinic manager passes only the clinic checks of clinic-admin.ts.
   */
  const requireAdmin = async (c: Context<StaffEnv>, what: string) => {
    if (!(await isNetworkAdmin(c.get('staff').user))) {
      await recordAudit(db, { ...staffActor(c), action: 'read', entityType: what, outcome: 'denied' });
      throw new NotFound();
    }
  };

  /**
   * Booking, moving, cancelling, the waiting list and a visit's status: front desk, clinic
   * managers, administrators (not providers).
   */
  const requireDesk = async (
    c: StaffContext,
    what: string,
    entityId: string | null = null,
    entityType = 'appointment',
  ) => {
    if (!worksTheDesk(c.get('staff').user)) {
      await recordAudit(db, {
        ...staffActor(c),
        action: what,
        entityType,
        entityId,
        outcome: 'denied',
      });
      throw new NotFound();
    }
  };

  /** A staff-relative address to return to after a form, or the day view. */
  const safeBack = (value: unknown, fallback = '/staff') =>
    typeof value === 'string' && /^\/staff(\/[\w-]+)*(\?[\w=&%.-]*)?$/.test(value) ? value : fallback;

  return {
    deps,
    db,
    scheduling,
    now,
    page,
    refused,
    staffActor,
    commandContext,
    chosenClinic,
    visibleAppointment,
    requireAdmin,
    requireDesk,
    safeBack,
    isNetworkAdmin,
  };
}

export type StaffKit = ReturnType<typeof staffKit>;
