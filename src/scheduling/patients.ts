/**
 * Patients as staff see them: one record per person (patient-identity.ts decides who is the same
 * person), the visits on it, and corrections to the contact details. Every read and change of a
 * patient is audited by the caller's actor; a correction is validated like a booking's details.
 */
import { z } from 'zod';
import type { Queryable } from '../platform/db/database.js';
import { fieldErrorsFromZod, NotFound, ValidationFailed } from '../platform/http/problem.js';
import type { Locale } from '../platform/i18n/i18n.js';
import { UUID_PATTERN } from '../platform/tokens.js';
import { contactSchema } from './appointment-api.js';
import type { CommandContext } from './command-context.js';
import { listVisitsOfPatient, type StoredAppointment } from './scheduling-store.js';

export interface PatientRecord {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string | null;
  phone: string | null;
  language: Locale;
}

export async function findPatient(db: Queryable, id: string): Promise<PatientRecord | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const [row] = await db.query<{
    id: string;
    given_name: string;
    family_name: string;
    birth_date: string;
    email: string | null;
    phone: string | null;
    language: Locale;
  }>('SELECT id, given_name, family_name, birth_date, email, phone, language FROM patients WHERE id = $1', [
    id,
  ]);
  return (
    row && {
      id: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      birthDate: row.birth_date,
      email: row.email,
      phone: row.phone,
      language: row.language,
    }
  );
}

/** A patient's visits, newest first (at most 100). */
export function visitsOfPatient(db: Queryable, patientId: string): Promise<StoredAppointment[]> {
  return listVisitsOfPatient(db, patientId);
}

export type ContactDetails = z.infer<typeof contactSchema>;

/**
 * Corrects a patient's email and phone (staff, after checking with the patient); either may be
 * left blank, not both. Messages
 * already queued keep the address they were written for; new ones use the corrected one.
 */
export async function correctPatientContact(
  ctx: CommandContext,
  patientId: string,
  input: { email: unknown; phone: unknown },
): Promise<PatientRecord> {
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrorsFromZod(parsed.error.issues));
  return ctx.transaction(async (t) => {
    const tx = t.db;
    const rows = await tx.query('UPDATE patients SET email = $2, phone = $3 WHERE id = $1 RETURNING id', [
      patientId,
      parsed.data.email,
      parsed.data.phone,
    ]);
    if (!rows.length) throw new NotFound('There is no patient with this id.');
    // What changed is not written down (contact details are health data); that it changed is.
    await t.audit({
      action: 'update',
      entityType: 'patient',
      entityId: patientId,
      outcome: 'success',
    });
    return (await findPatient(tx, patientId))!;
  });
}
