/**
 * The slot search's HTTP answer, built once per answer rather than once per request.
 *
 * A network's month is about 1,400 times: 320 KB of JSON, a hash for its ETag and a gzip of it
 * (10 KB) cost more than finding the times once the availability cache holds them. The same
 * cached list with the same bounds (`SlotWindow`) is the same answer, so what was built from it
 * is kept beside the list and dropped with it (the cache replaces a list when its calendar or
 * directory changes). A large answer keeps its ETag and compressed bytes (10 KB for a network's
 * month); its uncompressed JSON, for clients that do not accept gzip, is kept only for the most
 * recently sent answers, up to PLAIN_BYTES in all, so 500 cached searches do not hold 500 copies.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Slot } from './slots.js';
import type { SlotWindow } from './slot-search.js';

/** Answers from this size are sent gzipped to clients that accept it (a network's month is). */
export const GZIP_FROM_BYTES = 64 * 1024;
/** The most memory the uncompressed JSON of large answers may hold. */
const PLAIN_BYTES = 16 * 1024 * 1024;

const gzipBytes = promisify(gzip) as (bytes: Uint8Array) => Promise<Buffer<ArrayBuffer>>;

export interface SlotAnswer {
  /** A strong ETag: a hash of the JSON, the same whatever the encoding. */
  tag: string;
  /** Large enough to be sent gzipped to a client that accepts it. */
  large: boolean;
  /** The JSON as UTF-8 (a Buffer, which the response sends as it is). */
  json(): Uint8Array<ArrayBuffer>;
  gzipped(): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The slot list written directly: every value is an ISO time or a slug, which the database
 * restricts to [a-z0-9-], so nothing needs escaping. Same output as JSON.stringify.
 */
export function slotsJson(slots: readonly Slot[], first = 0, end = slots.length): string {
  const parts: string[] = [];
  for (let i = first; i < end; i++) {
    const x = slots[i]!;
    parts.push(
      `{"start":"${x.start}","end":"${x.end}","provider":"${x.provider}","location":"${x.location}","visitType":"${x.visitType}"}`,
    );
  }
  return `{"slots":[${parts.join(',')}]}`;
}

const kept = new WeakMap<readonly Slot[], { first: number; end: number; answer: SlotAnswer }>();

export function slotAnswer(w: SlotWindow): SlotAnswer {
  const last = kept.get(w.list);
  if (last && last.first === w.first && last.end === w.end) return last.answer;
  const bytes = Buffer.from(slotsJson(w.list, w.first, w.end));
  const tag = `"${createHash('sha1').update(bytes).digest('base64url')}"`;
  const answer = bytes.length >= GZIP_FROM_BYTES ? largeAnswer(w, bytes, tag) : smallAnswer(bytes, tag);
  kept.set(w.list, { first: w.first, end: w.end, answer });
  return answer;
}

function smallAnswer(bytes: Buffer<ArrayBuffer>, tag: string): SlotAnswer {
  return { tag, large: false, json: () => bytes, gzipped: () => gzipBytes(bytes) };
}

/**
 * Compressed at once; its JSON is then held only by the recent-plain list (no closure here
 * refers to `bytes` after this returns, so dropping it from that list frees it).
 */
function largeAnswer(w: SlotWindow, bytes: Buffer<ArrayBuffer>, tag: string): SlotAnswer {
  const zipped = gzipBytes(bytes);
  const answer: SlotAnswer = {
    tag,
    large: true,
    json: () => plainJson(answer) ?? remember(answer, Buffer.from(slotsJson(w.list, w.first, w.end))),
    gzipped: () => zipped,
  };
  remember(answer, bytes);
  return answer;
}

const plain = new Map<SlotAnswer, Buffer<ArrayBuffer>>();
let plainBytes = 0;

function plainJson(answer: SlotAnswer): Buffer<ArrayBuffer> | undefined {
  const bytes = plain.get(answer);
  if (bytes) {
    plain.delete(answer);
    plain.set(answer, bytes); // most recently sent last
  }
  return bytes;
}

/** Keeps a large answer's JSON among the most recently sent, dropping the oldest past the budget. */
function remember(answer: SlotAnswer, bytes: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  plain.set(answer, bytes);
  plainBytes += bytes.length;
  for (const [oldest, b] of plain) {
    if (plainBytes <= PLAIN_BYTES) break;
    plain.delete(oldest);
    plainBytes -= b.length;
  }
  return bytes;
}

/** Whether an Accept-Encoding header accepts gzip (by name or `*`, with a weight above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = 0;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === 'gzip' || name === 'x-gzip') return weight > 0;
    if (name === '*') wildcard = weight;
  }
  return wildcard > 0;
}
