/**
 * The per-request context every scheduling command takes (ADR 21): who acts, the request's one
 * instant, its language, where reads and writes go, and the audit sink. Routes and pages build it
 * once per request (`requestCommandContext`, or the staff kit's `commandContext`) and stay thin:
 * parse, call a command, present its result or its refusal.
 */
import type { Context } from 'hono';
import { recordAudit, type AuditEvent } from '../audit/index.js';
import type { Queryable } from '../platform/db/database.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { actorOf } from '../platform/http/request-context.js';
import { splitLocale, type Locale } from '../platform/i18n/i18n.js';
import type { Actor, Scheduling } from './scheduling.js';

/** An audit event without its actor: the context stamps who acted and from where. */
export type AuditFact = Omit<AuditEvent, keyof Actor>;

export interface CommandContext {
  /**
   * The app's scheduling dependencies, with `now()` fixed to the request's instant: every rule
   * one command applies (notice, "has it started", expiry) sees the same time.
   */
  readonly s: Scheduling;
  readonly actor: Actor;
  readonly now: Date;
  /** The language of the request (its pages and refusals); a patient's messages keep theirs. */
  readonly language: Locale;
  /** The database, or the open transaction of `transaction()`. */
  readonly db: Queryable;
  readonly inTransaction: boolean;
  /** Records an event by this actor where the context writes (inside its transaction, if any). */
  audit(event: AuditFact): Promise<void>;
  /**
   * Runs `fn` in one transaction and hands it a context bound to it. A context already inside a
   * transaction runs `fn` in that one, so commands compose into a caller's transaction.
   */
  transaction<T>(fn: (tx: CommandContext) => Promise<T>): Promise<T>;
}

export function commandContext(
  deps: Scheduling,
  actor: Actor,
  options: { language?: Locale; now?: Date } = {},
): CommandContext {
  const now = options.now ?? deps.now();
  const s: Scheduling = { ...deps, now: () => now };
  return bound(s, actor, now, options.language ?? 'en', deps.db, false);
}

function bound(
  s: Scheduling,
  actor: Actor,
  now: Date,
  language: Locale,
  db: Queryable,
  inTransaction: boolean,
): CommandContext {
  const ctx: CommandContext = {
    s,
    actor,
    now,
    language,
    db,
    inTransaction,
    audit: (event) => recordAudit(db, { ...event, ...actor }),
    transaction: (fn) =>
      inTransaction ? fn(ctx) : s.db.transaction((tx) => fn(bound(s, actor, now, language, tx, true))),
  };
  return ctx;
}

/** The same request, acting as the system (work a change triggers, such as a waiting-list offer). */
export function asSystem(ctx: CommandContext): CommandContext {
  const system: Actor = { actorType: 'system', requestId: ctx.actor.requestId ?? null };
  return bound(ctx.s, system, ctx.now, ctx.language, ctx.db, ctx.inTransaction);
}

/** The context of a patient's page (its language from the address) or an API client's call. */
export function requestCommandContext(
  c: Context<AppEnv>,
  deps: Scheduling,
  actorType: 'patient' | 'api-client',
): CommandContext {
  return commandContext(deps, actorOf(c, actorType), { language: splitLocale(c.req.path).locale });
}
