/**
 * A provider's block of working hours as a form: its fields, its rules and how a posted form is
 * read. Adding hours (providers-admin.tsx), changing them and undoing a change (working-hours-edit.tsx)
 * all go through these, so the same values are refused with the same named errors everywhere.
 */
import { z } from 'zod';
import type { Directory } from '../../directory/index.js';
import { dateRange, longDate, weekdayName } from '../../platform/i18n/format.js';
import { UUID_PATTERN } from '../../platform/tokens.js';
import { staffLocale, t } from '../staff-kit.js';
import type { WorkingBlockRow } from './admin-store.js';
import {
  calendarDate,
  clock,
  FieldError,
  fieldErrors,
  later,
  str,
  TextField,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';

export const BLOCK_FIELDS = ['location', 'weekday', 'starts', 'ends', 'validFrom', 'validTo'] as const;
export type Block = Record<(typeof BLOCK_FIELDS)[number], string>;

export const blockSchema = z
  .object({
    location: z.string().regex(UUID_PATTERN, later('admin.block.err.location')),
    weekday: z.string().regex(/^[1-7]$/, later('admin.block.err.weekday')),
    starts: clock(later('admin.block.err.starts')),
    ends: clock(later('admin.block.err.ends')),
    validFrom: calendarDate(later('admin.block.err.validFrom')),
    validTo: z.union([z.literal(''), calendarDate(later('admin.block.err.validTo'))]),
  })
  .refine((b) => b.ends > b.starts, { path: ['ends'], ...later('admin.block.err.order') })
  .refine((b) => !b.validTo || b.validTo >= b.validFrom, {
    path: ['validTo'],
    ...later('admin.block.err.validOrder'),
  });

/** The dates a block holds, in words: "from January 1, 2026" or "January 1 – June 30, 2026". */
export const blockDates = (b: Pick<WorkingBlockRow, 'validFrom' | 'validTo'>): string =>
  b.validTo
    ? dateRange(staffLocale(), b.validFrom, b.validTo, true)
    : t('admin.block.from', { date: longDate(staffLocale(), b.validFrom) });

/** A stored block as the form's values (to fill the form in, or to put it back with an Undo). */
export const blockValues = (b: Omit<WorkingBlockRow, 'id'>): Block => ({
  location: b.locationId,
  weekday: String(b.weekday),
  starts: b.starts,
  ends: b.ends,
  validFrom: b.validFrom,
  validTo: b.validTo ?? '',
});

/**
 * The posted block: the values as typed (to show again) and either the row to write or each wrong
 * field named. The clinic must be an active one.
 */
export function readBlock(
  form: FormBody,
  d: Directory,
): { values: Block; errors: FieldErrors; row?: Omit<WorkingBlockRow, 'id'> } {
  const values = Object.fromEntries(BLOCK_FIELDS.map((k) => [k, str(form, k).trim()])) as Block;
  const parsed = blockSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error.issues) };
  const b = parsed.data;
  if (!d.locations.some((l) => l.id === b.location))
    return { values, errors: { location: t('admin.block.err.location') } };
  return {
    values,
    errors: {},
    row: {
      locationId: b.location,
      weekday: Number(b.weekday),
      starts: b.starts,
      ends: b.ends,
      validFrom: b.validFrom,
      validTo: b.validTo || null,
    },
  };
}

/** Two blocks the same: a change that changes nothing is not written. */
export const sameBlock = (a: Omit<WorkingBlockRow, 'id'>, b: Omit<WorkingBlockRow, 'id'>) =>
  BLOCK_FIELDS.every((k) => blockValues(a)[k] === blockValues(b)[k]);

/** The block's fields: clinic, day, start and end times, and the dates it is valid. */
export function BlockFields({ d, values, errors }: { d: Directory; values: Block; errors: FieldErrors }) {
  return (
    <>
      <div class={`form-group${errors.location ? ' has-error' : ''}`}>
        <label class="label" for="location">
          {t('admin.block.location')}
        </label>
        <FieldError id="location" message={errors.location} />
        <select class="input" id="location" name="location">
          <option value="">{t('admin.choose')}</option>
          {d.locations.map((l) => (
            <option value={l.id} selected={l.id === values.location}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div class={`form-group${errors.weekday ? ' has-error' : ''}`}>
        <label class="label" for="weekday">
          {t('admin.block.weekday')}
        </label>
        <FieldError id="weekday" message={errors.weekday} />
        <select class="input" id="weekday" name="weekday">
          {[1, 2, 3, 4, 5, 6, 7].map((w) => (
            <option value={String(w)} selected={String(w) === values.weekday}>
              {weekdayName(staffLocale(), w)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="starts"
        label={t('admin.block.starts')}
        type="time"
        value={values.starts}
        errors={errors}
        width="width-10"
      />
      <TextField
        id="ends"
        label={t('admin.block.ends')}
        type="time"
        value={values.ends}
        errors={errors}
        width="width-10"
      />
      <TextField
        id="validFrom"
        label={t('admin.block.validFrom')}
        type="date"
        value={values.validFrom}
        errors={errors}
        width="width-10"
      />
      <TextField
        id="validTo"
        label={t('admin.block.validTo')}
        hint={t('admin.block.validToHint')}
        type="date"
        value={values.validTo}
        errors={errors}
        width="width-10"
      />
    </>
  );
}
