/**
 * The "affected visits" question, shared by administrative changes that take time away from
 * visits already booked (a provider's time off, a clinic closure). Such a change never goes
 * through silently: the administrator sees the visits (each one shown is an audited read) and
 * posts a decision, 'keep' or 'cancel', together with the ids of the visits they saw (`seen`).
 * If the visits changed between the question and the answer, the question is asked again.
 * 'keep' is recorded in the audit event of the change; 'cancel' cancels each visit for the
 * patient (they are told) and lists any that could not be cancelled.
 */
import { CardTable } from '../card-table.js';
import {
  homeZone,
  type Directory,
  locationById,
  providerById,
  visitTypeById,
} from '../../directory/index.js';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { recordAudit } from '../../audit/index.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { dayInZone, timeInZone } from '../../platform/i18n/format.js';
import { type StoredAppointment, staffCancelAppointment } from '../../scheduling/index.js';
import { staffLocale, named, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { all, Csrf, str, type FormBody } from './admin-views.js';

export type Decision = 'keep' | 'cancel';

/** Where the question's forms post to and what they carry, and the words around it. */
export interface AffectedQuestion {
  /** The form's action: the same route that asked. */
  action: string;
  /** The values the administrator entered, posted again with the decision. */
  fields: Record<string, string>;
  /** The page the change is made from (the provider's, the clinic's). */
  back: { href: string; label: string };
  /** The column that tells the visits apart: the clinic (time off) or the provider (closure). */
  column: 'location' | 'provider';
  /**
   * Other records the change affects, shown after the visits (their reads audited by the caller)
   * and posted back as seen with them (retiring: the waiting-list entries it closes).
   */
  also?: { ids: string[]; content: Child };
  texts: {
    title: string;
    lead: string;
    changed: string;
    /** Without them only "cancel" is offered (retiring: visits cannot stay where nothing is). */
    keep?: string;
    keepHint?: string;
    cancel: string;
    cancelHint: string;
    back: string;
  };
}

/**
 * The posted answer, compared with the visits affected now: `ask` when there are visits and no
 * valid decision about exactly these; `changed` when a decision was posted about other visits.
 */
export function readDecision(body: FormBody, visits: { id: string }[]) {
  const choice = str(body, 'decision');
  const seen = new Set(all(body, 'seen'));
  const sameVisits = seen.size === visits.length && visits.every((a) => seen.has(a.id));
  const valid = choice === 'keep' || choice === 'cancel';
  return {
    choice: valid ? (choice as Decision) : undefined,
    ask: visits.length > 0 && (!valid || !sameVisits),
    changed: choice !== '' && !sameVisits,
  };
}

/** What the audit event of the change records about the affected visits (nothing if none). */
export const decisionDetail = (
  choice: Decision | undefined,
  visits: StoredAppointment[],
): Record<string, string | number> =>
  visits.length
    ? { decision: choice ?? '', visits: visits.length, appointmentIds: visits.map((a) => a.id).join(',') }
    : {};

const when = (d: Directory, a: StoredAppointment) => {
  const zone = locationById(d, a.locationId)?.timeZone ?? homeZone(d);
  return `${dayInZone(staffLocale(), a.startsAt.getTime(), zone)}, ${timeInZone(staffLocale(), a.startsAt.getTime(), zone)}`;
};

/** Answers 409 with the affected visits and the two decisions; each visit shown is an audited read. */
export async function askAboutVisits(
  kit: StaffKit,
  c: Context<StaffEnv>,
  visits: StoredAppointment[],
  changed: boolean,
  q: AffectedQuestion,
) {
  const { db, scheduling, page, staffActor } = kit;
  const d = await scheduling.directory.get();
  for (const a of visits)
    await recordAudit(db, {
      ...staffActor(c),
      action: 'list',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
    });
  const session = c.get('staff');
  const form = (choice: Decision) => (
    <form method="post" action={q.action}>
      <Csrf token={session.csrf} />
      {Object.entries(q.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {[...visits.map((a) => a.id), ...(q.also?.ids ?? [])].map((id) => (
        <input type="hidden" name="seen" value={id} />
      ))}
      <input type="hidden" name="decision" value={choice} />
      <button class={choice === 'keep' ? 'button' : 'button warning'} type="submit">
        {choice === 'keep' ? q.texts.keep : q.texts.cancel}
      </button>
    </form>
  );
  return page(
    c,
    q.texts.title,
    <>
      <p class="back-link-row">
        <a href={q.back.href}>{q.back.label}</a>
      </p>
      <h1>{q.texts.title}</h1>
      {changed ? (
        <p class="inset-warning" role="alert">
          {q.texts.changed}
        </p>
      ) : null}
      <p>{q.texts.lead}</p>
      {visits.length ? (
        <CardTable
          columns={[
            t('staff.col.time'),
            t('staff.col.patient'),
            t(q.column === 'location' ? 'admin.block.location' : 'staff.visit.who'),
            t('staff.col.visit'),
            t('staff.col.status'),
          ]}
          rows={visits.map((a) => [
            when(d, a),
            `${a.patient.givenName} ${a.patient.familyName}`,
            q.column === 'location'
              ? (locationById(d, a.locationId)?.name ?? '')
              : (providerById(d, a.providerId)?.displayName ?? ''),
            named(visitTypeById(d, a.visitTypeId)?.name ?? { en: '', es: '' }),
            <span class={`status status-${a.status}`}>{t(`staff.status.${a.status}`)}</span>,
          ])}
        />
      ) : null}
      {q.also?.content ?? null}
      <div class="admin-decision">
        {q.texts.keep ? (
          <div>
            <p>{q.texts.keepHint}</p>
            {form('keep')}
          </div>
        ) : null}
        <div>
          <p>{q.texts.cancelHint}</p>
          {form('cancel')}
        </div>
      </div>
      <p>
        <a href={q.back.href}>{q.texts.back}</a>
      </p>
    </>,
    409,
    session,
  );
}

/**
 * Cancels each visit for the patient, once the change is saved. Each cancellation is its own
 * transaction (the patient's message and any waiting-list offer go with it); one that cannot be
 * cancelled (checked in, already started, changed) stays and is listed. All cancelled: a 303 to
 * the page the change was made from.
 */
export async function cancelVisits(
  kit: StaffKit,
  c: Context<StaffEnv>,
  visits: StoredAppointment[],
  o: { reason: string; back: { href: string; label: string }; title: string; partial: (n: number) => string },
) {
  const { scheduling, page, staffActor, commandContext } = kit;
  const actor = staffActor(c);
  const command = commandContext(c);
  const kept: StoredAppointment[] = [];
  for (const a of visits) {
    try {
      await staffCancelAppointment(command, a.id, o.reason);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      kept.push(a);
    }
  }
  if (kept.length === 0) return c.redirect(o.back.href, 303);
  // The visits still booked are shown by name: one audited read each (the cancelled ones have
  // their cancel event).
  for (const a of kept)
    await recordAudit(kit.db, {
      ...actor,
      action: 'list',
      entityType: 'appointment',
      entityId: a.id,
      outcome: 'success',
    });
  const d = await scheduling.directory.get();
  return page(
    c,
    o.title,
    <div class="narrow">
      <h1>{o.title}</h1>
      <p class="inset-warning" role="alert">
        {o.partial(kept.length)}
      </p>
      <ul>
        {kept.map((a) => (
          <li>
            {when(d, a)} – {a.patient.givenName} {a.patient.familyName}
          </li>
        ))}
      </ul>
      <p>
        <a href={o.back.href}>{o.back.label}</a>
      </p>
    </div>,
    200,
    c.get('staff'),
  );
}
