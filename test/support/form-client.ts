/** A tiny cookie-keeping client for page tests through app.request(): forms in, redirects out. */
import type { TestApp } from './test-app.js';

export class FormClient {
  private cookies = new Map<string, string>();
  /** Every URL this client was sent to, to check that nothing private appears in them. */
  readonly visited: string[] = [];

  constructor(private t: TestApp) {}

  private store(res: Response) {
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(header) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  /** The cookie header this client would send, with any extra headers. */
  headers(extra: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(path: string) {
    this.visited.push(path);
    const res = await this.t.request(path, { headers: this.headers() });
    this.store(res);
    return res;
  }

  async post(path: string, fields: Record<string, string | string[]> = {}) {
    this.visited.push(path);
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const one of ([] as string[]).concat(v)) body.append(k, one);
    const res = await this.t.request(path, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: body.toString(),
    });
    this.store(res);
    return res;
  }

  /** Where a 303 points, as a path. */
  static location(res: Response): string {
    const loc = res.headers.get('location');
    if (!loc) throw new Error(`expected a redirect, got ${res.status}`);
    return new URL(loc, 'http://localhost').pathname + new URL(loc, 'http://localhost').search;
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }
}
