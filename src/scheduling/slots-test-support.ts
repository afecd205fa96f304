/**
 * Shared set-up for the findOpenSlots tests (slots-working-hours, slots-busy-and-notice,
 * slots-time-off-and-closures, slots-time-zones, and the property tests): a query for one Phoenix
 * clinician working Monday mornings, with every rule of the visit type settable, and small readers
 * of slots.
 */
import type { Slot, SlotProvider, SlotQuery } from './slots.js';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export type Block = SlotProvider['schedule'][number];

/** Epoch ms of an ISO string with an offset. */
export const at = (iso: string): number => new Date(iso).getTime();

export function block(
  location: string,
  weekday: number,
  starts: string,
  ends: string,
  extra: Partial<Block> = {},
): Block {
  return { location, weekday, starts, ends, validFrom: '2026-01-01', validTo: null, ...extra };
}

export function query(
  overrides: Partial<SlotQuery> & { duration?: number; buffer?: number; notice?: number; horizon?: number },
): SlotQuery {
  const { duration = 30, buffer = 0, notice = 0, horizon = 365, ...rest } = overrides;
  return {
    visitType: {
      slug: 'follow-up',
      durationMinutes: duration,
      bufferMinutes: buffer,
      minNoticeMinutes: notice,
      horizonDays: horizon,
    },
    providers: [{ slug: 'dr-ana', schedule: [block('phx', 1, '08:00', '12:00')] }],
    locations: [
      { slug: 'phx', timeZone: 'America/Phoenix' },
      { slug: 'phx-west', timeZone: 'America/Phoenix' },
      { slug: 'den', timeZone: 'America/Denver' },
      { slug: 'nyc', timeZone: 'America/New_York' },
    ],
    closures: [],
    timeOff: [],
    busy: [],
    from: '2026-11-30',
    to: '2026-11-30',
    now: at('2026-11-01T00:00:00Z'),
    ...rest,
  };
}

/**
 * Grid step between consecutive slot starts of one block: the visit plus its buffer, so that every
 * slot shown can be booked alongside the others (the rule in slots.ts; the only place these tests encode it).
 */
export const stepMs = (vt: SlotQuery['visitType']): number =>
  (vt.durationMinutes + vt.bufferMinutes) * MINUTE;

export const starts = (slots: Slot[]): string[] => slots.map((s) => s.start);
export const localTimes = (slots: Slot[]): string[] => slots.map((s) => s.start.slice(11, 16));
