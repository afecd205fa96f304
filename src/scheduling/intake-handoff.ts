/**
 * How a self-check reaches booking: the result's token travels in a private cookie (never the
 * URL), and the next booking in that browser attaches the self-check as the pre-visit intake.
 * The cookie is booking's own business; the self-check calls handIntakeToBooking.
 */
import type { Context } from 'hono';
import { clearCookie, readCookie, setPrivateCookie } from '../platform/http/cookies.js';

const INTAKE_COOKIE = 'cp_intake';
const HANDOFF_SECONDS = 24 * 3600;

/** The self-check result (its token) that the next booking from this browser attaches. */
export function handIntakeToBooking(c: Context, resultToken: string, secureCookies: boolean) {
  setPrivateCookie(c, INTAKE_COOKIE, resultToken, HANDOFF_SECONDS, secureCookies);
}

/** The self-check handed to booking in this browser, if any. */
export function handedIntakeToken(c: Context): string | undefined {
  return readCookie(c, INTAKE_COOKIE);
}

/** The self-check went with a booking: the next booking from this browser starts clean. */
export function clearHandedIntake(c: Context, secureCookies: boolean) {
  clearCookie(c, INTAKE_COOKIE, secureCookies);
}
