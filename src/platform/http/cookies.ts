import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** Cookies for patient flows: HttpOnly, SameSite=Lax (no cross-site POSTs carry them), Secure over HTTPS. */
export function setPrivateCookie(
  c: Context,
  name: string,
  value: string,
  maxAgeSeconds: number,
  secure: boolean,
) {
  setCookie(c, name, value, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: maxAgeSeconds });
}

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name);
}

export function clearCookie(c: Context, name: string, secure: boolean) {
  deleteCookie(c, name, { path: '/', secure });
}
