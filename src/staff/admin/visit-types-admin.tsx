/**
 * Visit types: the list and one form per type (names, descriptions, duration, buffer, notice,
 * horizon). The ranges are the database's CHECK ranges, checked here first so a wrong value
 * gets a message naming the field instead of a refused statement.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../../audit/index.js';
import type { VisitType } from '../../directory/index.js';
import { named, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import { updateVisitType } from './admin-store.js';
import { RetiredCell, RetireSection, retiredOf } from './retirement.js';
import {
  later,
  AdminErrorSummary,
  Csrf,
  fieldErrors,
  requiredText,
  str,
  TextArea,
  TextField,
  titleWithErrors,
  wholeNumber,
  type FieldErrors,
  type FormBody,
  AdminList,
  bySlug,
} from './admin-views.js';

/** The CHECK ranges of migrations/0001-directory.sql (notice has no upper bound there; a month is plenty). */
export const VISIT_TYPE_RANGES = {
  durationMinutes: [5, 480],
  bufferMinutes: [0, 120],
  minNoticeMinutes: [0, 43_200],
  horizonDays: [1, 730],
} as const;

const R = VISIT_TYPE_RANGES;
export const visitTypeSchema = z.object({
  nameEn: requiredText('admin.visitType.err.nameEn', 120),
  nameEs: requiredText('admin.visitType.err.nameEs', 120),
  descriptionEn: requiredText('admin.visitType.err.descriptionEn', 1000),
  descriptionEs: requiredText('admin.visitType.err.descriptionEs', 1000),
  durationMinutes: wholeNumber(
    later('admin.visitType.err.duration', { min: R.durationMinutes[0], max: R.durationMinutes[1] }),
    ...R.durationMinutes,
  ),
  bufferMinutes: wholeNumber(
    later('admin.visitType.err.buffer', { min: R.bufferMinutes[0], max: R.bufferMinutes[1] }),
    ...R.bufferMinutes,
  ),
  minNoticeMinutes: wholeNumber(
    later('admin.visitType.err.notice', { min: R.minNoticeMinutes[0], max: R.minNoticeMinutes[1] }),
    ...R.minNoticeMinutes,
  ),
  horizonDays: wholeNumber(
    later('admin.visitType.err.horizon', { min: R.horizonDays[0], max: R.horizonDays[1] }),
    ...R.horizonDays,
  ),
});
export type VisitTypeValues = Record<keyof typeof visitTypeSchema.shape, string>;
type Values = VisitTypeValues;
const schema = visitTypeSchema;

const valuesOf = (v: VisitType): Values => ({
  nameEn: v.name.en,
  nameEs: v.name.es,
  descriptionEn: v.description.en,
  descriptionEs: v.description.es,
  durationMinutes: String(v.durationMinutes),
  bufferMinutes: String(v.bufferMinutes),
  minNoticeMinutes: String(v.minNoticeMinutes),
  horizonDays: String(v.horizonDays),
});

/** The fields of a visit type's form (names, descriptions, the four numbers), for editing and adding. */
export function VisitTypeFields({ values, errors }: { values: VisitTypeValues; errors: FieldErrors }) {
  const range = (k: keyof typeof R) => t('admin.range', { min: R[k][0], max: R[k][1] });
  return (
    <>
      <TextField id="nameEn" label={t('admin.visitType.nameEn')} value={values.nameEn} errors={errors} />
      <TextField id="nameEs" label={t('admin.visitType.nameEs')} value={values.nameEs} errors={errors} />
      <TextArea
        id="descriptionEn"
        label={t('admin.visitType.descriptionEn')}
        value={values.descriptionEn}
        errors={errors}
      />
      <TextArea
        id="descriptionEs"
        label={t('admin.visitType.descriptionEs')}
        value={values.descriptionEs}
        errors={errors}
      />
      {(
        [
          ['durationMinutes', 'admin.visitType.duration'],
          ['bufferMinutes', 'admin.visitType.buffer'],
          ['minNoticeMinutes', 'admin.visitType.notice'],
          ['horizonDays', 'admin.visitType.horizon'],
        ] as const
      ).map(([id, label]) => (
        <TextField
          id={id}
          label={t(label)}
          hint={range(id)}
          value={values[id]}
          errors={errors}
          width="width-3"
          inputmode="numeric"
        />
      ))}
    </>
  );
}

/** The settings a valid form gives, as stored. */
export const visitTypeSettings = (p: z.infer<typeof visitTypeSchema>) => ({
  name: { en: p.nameEn, es: p.nameEs },
  description: { en: p.descriptionEn, es: p.descriptionEs },
  durationMinutes: p.durationMinutes,
  bufferMinutes: p.bufferMinutes,
  minNoticeMinutes: p.minNoticeMinutes,
  horizonDays: p.horizonDays,
});

/** A visit type's four numbers in words, in the list's column order. */
const numbers = (v: VisitType) => [
  t('admin.minutes', { n: v.durationMinutes }),
  t('admin.minutes', { n: v.bufferMinutes }),
  t('admin.minutes', { n: v.minNoticeMinutes }),
  t('admin.days', { n: v.horizonDays }),
];

export function visitTypeRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, requireAdmin, staffActor } = kit;

  const findVisitType = async (slug: string) => bySlug((await scheduling.directory.get()).visitTypes, slug);

  pages.get('/staff/admin/visit-types', async (c) => {
    await requireAdmin(c, 'visit-type');
    const d = await scheduling.directory.get();
    return page(
      c,
      t('admin.visitTypes.title'),
      <AdminList
        title={t('admin.visitTypes.title')}
        columns={[
          t('admin.visitType.name'),
          t('admin.visitTypes.col.duration'),
          t('admin.visitTypes.col.buffer'),
          t('admin.visitTypes.col.notice'),
          t('admin.visitTypes.col.horizon'),
          t('admin.visitType.providers'),
          t('admin.status'),
        ]}
        add={{ href: '/staff/admin/visit-types/new', label: t('admin.visitTypes.add') }}
        rows={[
          ...d.visitTypes.map((v) => [
            <a href={`/staff/admin/visit-types/${v.slug}`}>{named(v.name)}</a>,
            ...numbers(v),
            v.providers.length,
            t('admin.active'),
          ]),
          ...retiredOf(d, 'visitTypes').map((v) => [
            named(v.name),
            ...numbers(v),
            '',
            <RetiredCell kind="visit-type" slug={v.slug} csrf={c.get('staff').csrf} />,
          ]),
        ]}
      />,
      200,
      c.get('staff'),
    );
  });

  const render = (
    c: Context<StaffEnv>,
    v: VisitType,
    values: Values,
    errors: FieldErrors,
    status: 200 | 422,
  ) => {
    const title = t('admin.visitType.title', { name: named(v.name) });
    return page(
      c,
      titleWithErrors(title, errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <p class="back-link-row">
          <a href="/staff/admin/visit-types">{t('admin.visitTypes.title')}</a>
        </p>
        <h1>{title}</h1>
        <form method="post" action={`/staff/admin/visit-types/${v.slug}`} novalidate>
          <Csrf token={c.get('staff').csrf} />
          <VisitTypeFields values={values} errors={errors} />
          <button class="button" type="submit">
            {t('admin.save')}
          </button>
        </form>
        <RetireSection kind="visit-type" slug={v.slug} name={named(v.name)} csrf={c.get('staff').csrf} />
      </div>,
      status,
      c.get('staff'),
    );
  };

  pages.get('/staff/admin/visit-types/:slug', async (c) => {
    await requireAdmin(c, 'visit-type');
    const v = await findVisitType(c.req.param('slug'));
    return render(c, v, valuesOf(v), {}, 200);
  });

  pages.post('/staff/admin/visit-types/:slug', async (c) => {
    await requireAdmin(c, 'visit-type');
    const v = await findVisitType(c.req.param('slug'));
    const form = (await c.req.parseBody()) as FormBody;
    const values = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, str(form, k)])) as Values;
    const parsed = schema.safeParse(values);
    if (!parsed.success) return render(c, v, values, fieldErrors(parsed.error.issues), 422);
    const p = parsed.data;
    await db.transaction(async (tx) => {
      await updateVisitType(tx, v.id, visitTypeSettings(p));
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'update',
        entityType: 'visit-type',
        entityId: v.id,
        outcome: 'success',
      });
    });
    scheduling.directory.invalidate();
    return c.redirect('/staff/admin/visit-types', 303);
  });
}
