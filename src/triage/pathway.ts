/**
 * A clinical pathway definition: versioned data in content/pathways/<id>.<version>.json, validated when
 * loaded. The engine (engine.ts) evaluates any definition of this shape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PATHWAYS_DIR = fileURLToPath(new URL('../../content/pathways/', import.meta.url));

export const DISPOSITIONS = ['emergency', 'urgent', 'appointment', 'self-care'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

const text = z.object({ en: z.string().min(1), es: z.string().min(1) });
export type Text = z.infer<typeof text>;

export type Condition =
  | { item: string; op: 'eq' | 'ne' | 'gte' | 'gt' | 'lte' | 'lt'; value: boolean | number | string }
  | { score: 'start-back.risk'; op: 'eq'; value: 'low' | 'medium' | 'high' }
  | { all: Condition[] }
  | { any: Condition[] };

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({
      item: z.string(),
      op: z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt']),
      value: z.union([z.boolean(), z.number(), z.string()]),
    }),
    z.object({
      score: z.literal('start-back.risk'),
      op: z.literal('eq'),
      value: z.enum(['low', 'medium', 'high']),
    }),
    z.object({ all: z.array(condition).min(1) }),
    z.object({ any: z.array(condition).min(1) }),
  ]),
);

const item = z.object({
  linkId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  type: z.enum(['boolean', 'integer', 'choice']),
  screen: z.literal(true).optional(),
  instrument: z.enum(['peg', 'start-back']).optional(),
  text,
  hint: text.optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  unit: text.optional(),
  minLabel: text.optional(),
  maxLabel: text.optional(),
  options: z.array(z.object({ code: z.string(), display: text })).optional(),
  enableWhen: condition.optional(),
  fhir: z.object({ code: z.string(), system: z.string(), display: z.string() }).optional(),
});
export type Item = z.infer<typeof item>;

const instrument = z.object({
  id: z.enum(['peg', 'start-back']),
  name: z.string(),
  attribution: text,
  loinc: z.string(),
  intro: text,
  optional: z.boolean(),
  /**
   * The languages the instrument has a validated translation in; asked only in those. Absent:
   * every language. (STarT Back is validated per translation: asking an unvalidated one would
   * give a score that means nothing.)
   */
  languages: z
    .array(z.enum(['en', 'es']))
    .min(1)
    .optional(),
});
export type Instrument = z.infer<typeof instrument>;

/**
 * What a result page must do first for a rule, above everything else: call Poison Control
 * (too much pain medicine) or the obstetric service (a warning sign in pregnancy).
 */
export const RULE_ACTIONS = ['poison-control', 'obstetric'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

const rule = z.object({
  id: z.string(),
  disposition: z.enum(['emergency', 'urgent', 'appointment']),
  when: condition,
  reason: z.object({ linkId: z.string(), text }),
  stop: z.literal(true).optional(),
  notice: text.optional(),
  /** A rule with an action changes what the result says to do, so its items are always asked. */
  action: z.enum(RULE_ACTIONS).optional(),
});
export type Rule = z.infer<typeof rule>;

const planSection = z.object({
  id: z.string(),
  heading: text,
  body: z.array(text).min(1),
  showWhen: condition.optional(),
  hideWhen: condition.optional(),
  /** Shown only beside these results (the check-in is promised to self-care only). */
  dispositions: z.array(z.enum(DISPOSITIONS)).min(1).optional(),
});
export type PlanSection = z.infer<typeof planSection>;

const checkIn = z.object({
  question: text,
  signsQuestion: text,
  signsHint: text,
  /** Warning signs offered at the check-in; ticking one sets these answers. */
  signs: z.array(
    z.object({
      id: z.string(),
      answers: z.record(z.string(), z.union([z.boolean(), z.number(), z.string()])),
      label: text,
    }),
  ),
  notImprovingReason: text,
  /**
   * When the check-in falls due (1.1.0): when the episode reaches `episodeHours`, counted from
   * the episode's length in days (`episodeDaysItem`), and never sooner than `minHours` from now.
   * Without it (1.0.0) the configured CHECK_IN_DELAY_HOURS applies.
   */
  due: z
    .object({ episodeDaysItem: z.string(), episodeHours: z.number().positive(), minHours: z.number().min(0) })
    .optional(),
});
export type CheckInDefinition = z.infer<typeof checkIn>;

const pathwaySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: text,
  intro: text,
  signOff: z.object({
    clinician: z.string(),
    credentials: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    status: z.enum(['pending', 'approved']),
    note: text,
  }),
  sources: z.array(z.string()),
  items: z.array(item).min(1),
  instruments: z.array(instrument),
  rules: z.array(rule).min(1),
  plan: z.object({ sections: z.array(planSection) }),
  checkIn,
});
export type Pathway = z.infer<typeof pathwaySchema>;

function conditionItems(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionItems);
  if ('any' in c) return c.any.flatMap(conditionItems);
  if ('item' in c) return [c.item];
  return [];
}

/** Validates shape and cross-references (every condition names a real item, options exist...). */
export function parsePathway(json: unknown, source = 'pathway'): Pathway {
  const parsed = pathwaySchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${source} is invalid: ${problems}`);
  }
  const p = parsed.data;
  const items = new Map(p.items.map((i) => [i.linkId, i]));
  const problems: string[] = [];
  if (items.size !== p.items.length) problems.push('duplicate linkIds');
  const instrumentIds = new Set(p.instruments.map((i) => i.id));
  for (const i of p.items) {
    if (i.type === 'choice' && !i.options?.length) problems.push(`${i.linkId}: a choice needs options`);
    if (i.type === 'integer' && (i.min === undefined || i.max === undefined))
      problems.push(`${i.linkId}: min/max`);
    if (i.instrument && !instrumentIds.has(i.instrument)) problems.push(`${i.linkId}: unknown instrument`);
    if (i.screen && i.enableWhen) problems.push(`${i.linkId}: screen items are always asked`);
  }
  const check = (where: string, c: Condition | undefined) => {
    for (const id of c ? conditionItems(c) : [])
      if (!items.has(id)) problems.push(`${where}: unknown item ${id}`);
  };
  for (const r of p.rules) {
    check(`rule ${r.id}`, r.when);
    if (!items.has(r.reason.linkId) && !instrumentIds.has(r.reason.linkId as 'peg')) {
      problems.push(`rule ${r.id}: reason linkId ${r.reason.linkId}`);
    }
  }
  for (const i of p.items) check(`item ${i.linkId}`, i.enableWhen);
  if (p.checkIn.due && !items.has(p.checkIn.due.episodeDaysItem))
    problems.push(`check-in due: unknown item ${p.checkIn.due.episodeDaysItem}`);
  for (const sign of p.checkIn.signs) {
    for (const id of Object.keys(sign.answers))
      if (!items.has(id)) problems.push(`check-in sign ${sign.id}: ${id}`);
  }
  for (const s of p.plan.sections) {
    check(`plan ${s.id}`, s.showWhen);
    check(`plan ${s.id}`, s.hideWhen);
  }
  if (problems.length) throw new Error(`${source} is invalid: ${problems.join('; ')}`);
  return p;
}

/**
 * Every installed version of every pathway. New self-checks use the latest version; a stored
 * result is always read with the version that produced it.
 */
export class PathwayCatalog {
  private readonly byId = new Map<string, Map<string, Pathway>>();

  constructor(pathways: Iterable<Pathway>) {
    for (const p of pathways) {
      const versions = this.byId.get(p.id) ?? new Map<string, Pathway>();
      if (versions.has(p.version)) throw new Error(`pathway ${p.id} ${p.version} is installed twice`);
      versions.set(p.version, p);
      this.byId.set(p.id, versions);
    }
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  /** The version new self-checks use: the highest version number. */
  latest(id: string): Pathway | undefined {
    const versions = [...(this.byId.get(id)?.values() ?? [])];
    return versions.sort((a, b) => compareVersions(b.version, a.version))[0];
  }

  version(id: string, version: string): Pathway | undefined {
    return this.byId.get(id)?.get(version);
  }

  /** All versions, newest first within each pathway. */
  all(): Pathway[] {
    return this.ids().flatMap((id) =>
      [...this.byId.get(id)!.values()].sort((a, b) => compareVersions(b.version, a.version)),
    );
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

/** Reads content/pathways/*.json: one file per pathway version. */
export function loadPathways(dir = PATHWAYS_DIR): PathwayCatalog {
  return new PathwayCatalog(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((file) => parsePathway(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), file)),
  );
}

/**
 * The pathway as deployed: instruments switched off by configuration (STarT Back needs
 * Keele's permission) are removed with their items and the rules that depend on their scores.
 */
export function configurePathway(p: Pathway, options: { startBack: boolean }): Pathway {
  if (options.startBack) return p;
  const usesStartBack = (c: Condition): boolean =>
    'score' in c
      ? true
      : 'all' in c
        ? c.all.some(usesStartBack)
        : 'any' in c
          ? c.any.some(usesStartBack)
          : false;
  return {
    ...p,
    items: p.items.filter((i) => i.instrument !== 'start-back'),
    instruments: p.instruments.filter((i) => i.id !== 'start-back'),
    rules: p.rules.filter((r) => !usesStartBack(r.when)),
  };
}
