/**
 * For administrators: the outbox of messages. Failed ones first, filters by status and by patient
 * (what the front desk types to find someone), and "Send again" for a failed message (audited). Patients' private links are masked, except in the
 * development mail viewer (development without SMTP), where messages are shown whole.
 */
import { recordAudit, recordAuditOfEach } from '../audit/index.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from './staff-kit.js';
import type { Hono } from 'hono';
import { UUID_PATTERN } from '../platform/tokens.js';
import { homeZone } from '../directory/index.js';
import { dayInZone, timeInZone } from '../platform/i18n/format.js';
import { parsePatientQuery, searchAppointments } from '../scheduling/index.js';

/**
 * Message text as administrators may see it: the patients' private links (visit, result,
 * waiting-list and invitation tokens) are masked. Staff never see a patient's token.
 */
export function withoutPrivateLinks(text: string): string {
  return text.replace(/\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, '/[private link]');
}

const STATUSES = ['failed', 'pending', 'sending', 'sent', 'skipped'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (v: string | undefined): v is Status => STATUSES.includes(v as Status);

interface Row {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  status: string;
  not_before: Date;
  sent_at: Date | null;
  text_body: string;
  last_error: string | null;
  appointment_id: string | null;
}

export function outboxRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, page, staffActor, requireAdmin, scheduling } = kit;
  const devMail = kit.deps.devMailViewer === true;

  /**
   * The messages about a typed patient: those about their visits, and those written to the email
   * address or phone typed (a waiting-list offer is about no visit). Undefined: no filter;
   * null: the value is not something a patient can be found by.
   */
  const patientFilter = async (typed: string) => {
    if (!typed) return undefined;
    const query = parsePatientQuery(typed);
    if (!query) return null;
    const d = await scheduling.directory.get();
    const visits = await searchAppointments(db, {
      locationIds: [...d.locations, ...(d.retired?.locations ?? [])].map((l) => l.id),
      query,
      limit: 200,
    });
    return {
      appointmentIds: visits.map((v) => v.id),
      // A whole phone number only (its last ten digits): a few digits would match strangers.
      recipient:
        query.kind === 'email'
          ? query.email
          : query.kind === 'phone' && query.digits.length >= 10
            ? query.digits.slice(-10)
            : null,
    };
  };

  pages.get('/staff/outbox', async (c) => {
    await requireAdmin(c, 'outbox');
    const asked = c.req.query('status') || undefined;
    const status = isStatus(asked) ? asked : undefined;
    const badStatus = asked !== undefined && !status;
    const typedPatient = (c.req.query('patient') ?? '').trim().slice(0, 200);
    const patient = await patientFilter(typedPatient);
    const badPatient = patient === null;
    const rows =
      badStatus || badPatient
        ? []
        : await db.query<Row>(
            // Failed messages first: they are the ones someone has to act on. A phone number is
            // compared by its digits (SMS recipients are stored as +1 and ten digits).
            `SELECT id, kind, recipient, subject, status, not_before, sent_at, text_body, last_error, appointment_id
               FROM outbox_messages
              WHERE ($1::text IS NULL OR status = $1)
                AND ($2::boolean IS NOT TRUE OR appointment_id = ANY($3::uuid[])
                     OR lower(recipient) = $4 OR regexp_replace(recipient, '\\D', '', 'g') LIKE '%' || $4)
              ORDER BY (status = 'failed') DESC, created_at DESC LIMIT 100`,
            [
              status ?? null,
              patient !== undefined,
              patient?.appointmentIds ?? [],
              patient?.recipient ?? null,
            ],
          );
    // The page shows who was written to and about which visit: each visit's trail records the
    // read (once per visit, however many of its messages are listed), and each message that is
    // about no visit (a waiting-list offer, a check-in) is recorded by its own id.
    const records = new Map<string, { entityType: string; entityId: string }>();
    for (const m of rows) {
      const record = m.appointment_id
        ? { entityType: 'appointment', entityId: m.appointment_id }
        : { entityType: 'outbox-message', entityId: m.id };
      records.set(`${record.entityType}:${record.entityId}`, record);
    }
    await recordAuditOfEach(
      db,
      { ...staffActor(c), action: 'read', outcome: 'success', detail: { via: 'outbox' } },
      [...records.values()],
    );
    const session = c.get('staff');
    const zone = homeZone(await scheduling.directory.get());
    return page(
      c,
      t('staff.outbox.title'),
      <>
        <h1>{t('staff.outbox.title')}</h1>
        <p>{t('staff.outbox.lead')}</p>
        {devMail ? <p class="notice">{t('staff.outbox.devMail')}</p> : null}
        {c.req.query('done') === 'resent' ? (
          <p class="notice" role="status">
            {t('staff.outbox.resent')}
          </p>
        ) : null}
        <form method="get" action="/staff/outbox" class="inline-form">
          <label class="label" for="status">
            {t('staff.outbox.status')}
          </label>
          {badStatus ? (
            <p class="error-message" id="status-error">
              {t('staff.outbox.badStatus')}
            </p>
          ) : null}
          <select
            class="input"
            id="status"
            name="status"
            aria-describedby={badStatus ? 'status-error' : undefined}
          >
            <option value="">{t('staff.outbox.status.all')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={status === s}>
                {t(`staff.outbox.status.${s}`)}
              </option>
            ))}
          </select>{' '}
          <label class="label" for="patient">
            {t('staff.outbox.patient')}
          </label>
          {badPatient ? (
            <p class="error-message" id="patient-error">
              {t('staff.outbox.noPatient', { query: typedPatient })}
            </p>
          ) : null}
          <input
            class="input width-20"
            id="patient"
            name="patient"
            value={typedPatient}
            aria-describedby={badPatient ? 'patient-error' : undefined}
          />{' '}
          <button class="button secondary" type="submit">
            {t('staff.outbox.show')}
          </button>
        </form>
        {rows.length === 0 && !badStatus && !badPatient ? <p>{t('staff.outbox.none')}</p> : null}
        {rows.map((m) => (
          <details class="panel" open={m.status === 'failed'}>
            <summary>
              {dayInZone(staffLocale(), m.not_before.getTime(), zone)},{' '}
              {timeInZone(staffLocale(), m.not_before.getTime(), zone)} · {m.kind} ·{' '}
              {isStatus(m.status) ? t(`staff.outbox.status.${m.status}`) : m.status} · {m.recipient}
            </summary>
            <p>
              <strong>{m.subject}</strong>
            </p>
            {devMail ? (
              <DevMessage text={m.text_body} />
            ) : (
              <pre class="private-link">{withoutPrivateLinks(m.text_body)}</pre>
            )}
            {m.last_error ? <p class="error-message">{m.last_error}</p> : null}
            {m.status === 'failed' ? (
              <form method="post" action={`/staff/outbox/${m.id}/resend`}>
                <input type="hidden" name="_csrf" value={session.csrf} />
                <button class="button secondary" type="submit">
                  {t('staff.outbox.resend')}
                </button>
              </form>
            ) : null}
          </details>
        ))}
      </>,
      badStatus || badPatient ? 422 : 200,
      session,
    );
  });

  // A failed message goes back to the queue, as new: attempts from zero, due now.
  pages.post('/staff/outbox/:id/resend', async (c) => {
    await requireAdmin(c, 'outbox');
    const id = c.req.param('id');
    const rows = UUID_PATTERN.test(id)
      ? await db.query<{ id: string; appointment_id: string | null }>(
          `UPDATE outbox_messages SET status = 'pending', attempts = 0, not_before = $2, last_error = NULL, claimed_at = NULL
            WHERE id = $1 AND status = 'failed' RETURNING id, appointment_id`,
          [id, scheduling.now()],
        )
      : [];
    const m = rows[0];
    await recordAudit(db, {
      ...staffActor(c),
      action: 'resend',
      entityType: m?.appointment_id ? 'appointment' : 'outbox-message',
      entityId: m?.appointment_id ?? id,
      outcome: m ? 'success' : 'not-found',
      detail: { message: id },
    });
    if (m) scheduling.kickOutbox();
    return c.redirect(m ? '/staff/outbox?done=resent' : '/staff/outbox?status=failed', 303);
  });
}

/** A message as the patient reads it, its links clickable (the development mail viewer only). */
function DevMessage({ text }: { text: string }) {
  return (
    <pre class="private-link">
      {text.split(/(https?:\/\/\S+)/).map((part, i) => (i % 2 ? <a href={part}>{part}</a> : part))}
    </pre>
  );
}
