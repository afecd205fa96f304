/**
 * Adding clinics, providers and visit types (network administrators, ADR 23). Each form checks
 * every field first (the short name's form, that it is free, a real time zone, the ranges), so a
 * bad form names each problem and writes nothing; a good one is one insert with its audit event.
 * What comes next is set on the new one's own page: a clinic's hours, a provider's visit types
 * and working hours.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../../audit/index.js';
import { homeZone } from '../../directory/index.js';
import { PG, pgErrorCode, type Queryable } from '../../platform/db/database.js';
import { capitalize } from '../../platform/i18n/format.js';
import { t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import {
  insertLocation,
  insertProvider,
  insertVisitType,
  slugOwner,
  type DirectoryTable,
} from './admin-store.js';
import {
  AdminErrorSummary,
  all,
  CheckboxGroup,
  Csrf,
  FieldError,
  fieldErrors,
  later,
  str,
  TextArea,
  TextField,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';
import { AddressFields } from './clinic-page.js';
import { detailsSchema } from './clinics-admin.js';
import { profileSchema } from './providers-admin.js';
import {
  VisitTypeFields,
  visitTypeSchema,
  visitTypeSettings,
  type VisitTypeValues,
} from './visit-types-admin.js';

const slugSchema = z
  .string()
  .trim()
  .max(60, later('admin.create.err.slug'))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, later('admin.create.err.slug'))
  // "new" is the address of the form itself.
  .refine((s) => s !== 'new', later('admin.create.err.slugReserved'));

const SPECIALTIES = ['pain-management', 'internal-medicine'] as const;
const LANGUAGES = ['en', 'es'] as const;

/** The canonical name of a time zone this runtime knows, or undefined. */
function knownZone(zone: string): string | undefined {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

class SlugTaken extends Error {}

export function createRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, scheduling, page, requireAdmin, staffActor } = kit;

  /** The slug's errors: its form, or what already has it (a retired one too). */
  const checkSlug = async (table: DirectoryTable, raw: string, errors: FieldErrors) => {
    const parsed = slugSchema.safeParse(raw);
    if (!parsed.success) {
      errors.slug = fieldErrors(parsed.error.issues).form!;
      return undefined;
    }
    const owner = await slugOwner(db, table, parsed.data);
    if (owner !== undefined)
      errors.slug = t('admin.create.err.slugTaken', { slug: parsed.data, name: owner });
    return owner === undefined ? parsed.data : undefined;
  };

  /** A slug taken between the check and the insert (another administrator): the same message. */
  const takenNow = async (table: DirectoryTable, slug: string) => ({
    slug: t('admin.create.err.slugTaken', { slug, name: (await slugOwner(db, table, slug)) ?? slug }),
  });

  /** Inserts with its audit event in one transaction; a slug taken meanwhile becomes the form error. */
  const create = async (
    c: Context<StaffEnv>,
    entityType: string,
    slug: string,
    insert: (tx: Queryable) => Promise<string>,
  ) => {
    try {
      await db.transaction(async (tx) => {
        let id: string;
        try {
          id = await insert(tx);
        } catch (error) {
          if (pgErrorCode(error) === PG.uniqueViolation) throw new SlugTaken();
          throw error;
        }
        await recordAudit(tx, {
          ...staffActor(c),
          action: 'create',
          entityType,
          entityId: id,
          outcome: 'success',
          detail: { slug },
        });
      });
    } catch (error) {
      if (error instanceof SlugTaken) return false;
      throw error;
    }
    scheduling.directory.invalidate();
    return true;
  };

  const formPage = (
    c: Context<StaffEnv>,
    o: { title: string; back: [string, string]; action: string; submit: string },
    errors: FieldErrors,
    fields: unknown,
    status: 200 | 409 | 422,
  ) =>
    page(
      c,
      titleWithErrors(o.title, errors),
      <div class="narrow">
        <AdminErrorSummary errors={errors} />
        <p class="back-link-row">
          <a href={o.back[0]}>{o.back[1]}</a>
        </p>
        <h1>{o.title}</h1>
        <form method="post" action={o.action} novalidate>
          <Csrf token={c.get('staff').csrf} />
          {fields as never}
          <button class="button" type="submit">
            {o.submit}
          </button>
        </form>
      </div>,
      status,
      c.get('staff'),
    );

  const SlugField = ({ value, errors }: { value: string; errors: FieldErrors }) => (
    <TextField
      id="slug"
      label={t('admin.create.slug')}
      hint={t('admin.create.slugHint')}
      value={value}
      errors={errors}
    />
  );

  // ---------------------------------------------------------------- clinics

  const CLINIC = ['slug', 'name', 'timeZone', 'street', 'city', 'region', 'postalCode', 'phone'] as const;
  type ClinicValues = Record<(typeof CLINIC)[number], string>;
  const clinicForm = (c: Context<StaffEnv>, v: ClinicValues, errors: FieldErrors, status: 200 | 409 | 422) =>
    formPage(
      c,
      {
        title: t('admin.clinics.add'),
        back: ['/staff/admin/clinics', t('admin.clinics.title')],
        action: '/staff/admin/clinics/new',
        submit: t('admin.clinic.create'),
      },
      errors,
      <>
        <TextField id="name" label={t('admin.clinic.name')} value={v.name} errors={errors} />
        <SlugField value={v.slug} errors={errors} />
        <TextField
          id="timeZone"
          label={t('admin.clinic.timeZone')}
          hint={t('admin.clinic.timeZoneHint')}
          value={v.timeZone}
          errors={errors}
        />
        <AddressFields values={v} errors={errors} />
      </>,
      status,
    );

  pages.get('/staff/admin/clinics/new', async (c) => {
    await requireAdmin(c, 'location');
    const empty = Object.fromEntries(CLINIC.map((k) => [k, ''])) as ClinicValues;
    return clinicForm(c, { ...empty, timeZone: homeZone(await scheduling.directory.get()) }, {}, 200);
  });

  pages.post('/staff/admin/clinics/new', async (c) => {
    await requireAdmin(c, 'location');
    const form = (await c.req.parseBody()) as FormBody;
    const v = Object.fromEntries(CLINIC.map((k) => [k, str(form, k)])) as ClinicValues;
    const details = detailsSchema.safeParse(v);
    const errors: FieldErrors = details.success ? {} : fieldErrors(details.error.issues);
    const zone = knownZone(v.timeZone.trim());
    if (!zone) errors.timeZone = t('admin.clinic.err.timeZone');
    const slug = await checkSlug('locations', v.slug, errors);
    if (!details.success || !zone || !slug || Object.keys(errors).length)
      return clinicForm(c, v, errors, 422);
    const ok = await create(c, 'location', slug, (tx) =>
      insertLocation(tx, { ...details.data, slug, timeZone: zone }),
    );
    if (!ok) return clinicForm(c, v, await takenNow('locations', slug), 409);
    return c.redirect(`/staff/admin/clinics/${slug}`, 303);
  });

  // ---------------------------------------------------------------- providers

  type ProviderValues = Record<
    'slug' | 'displayName' | 'credentials' | 'specialty' | 'bioEn' | 'bioEs',
    string
  > & {
    languages: string[];
  };
  const providerForm = (
    c: Context<StaffEnv>,
    v: ProviderValues,
    errors: FieldErrors,
    status: 200 | 409 | 422,
  ) =>
    formPage(
      c,
      {
        title: t('admin.providers.add'),
        back: ['/staff/admin/providers', t('admin.providers.title')],
        action: '/staff/admin/providers/new',
        submit: t('admin.provider.create'),
      },
      errors,
      <>
        <TextField
          id="displayName"
          label={t('admin.provider.displayName')}
          value={v.displayName}
          errors={errors}
        />
        <SlugField value={v.slug} errors={errors} />
        <TextField
          id="credentials"
          label={t('admin.provider.credentials')}
          value={v.credentials}
          errors={errors}
        />
        <div class={`form-group${errors.specialty ? ' has-error' : ''}`}>
          <fieldset aria-describedby={errors.specialty ? 'specialty-error' : undefined}>
            <legend class="label">{t('admin.provider.specialty')}</legend>
            <FieldError id="specialty" message={errors.specialty} />
            <div class="radios">
              {SPECIALTIES.map((s, i) => (
                <div class="radio">
                  <input
                    id={i === 0 ? 'specialty' : `specialty-${s}`}
                    name="specialty"
                    type="radio"
                    value={s}
                    checked={v.specialty === s}
                  />
                  <label for={i === 0 ? 'specialty' : `specialty-${s}`}>
                    {t(`providers.specialty.${s}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <CheckboxGroup
          id="languages"
          legend={t('admin.provider.languages')}
          options={LANGUAGES.map((l) => ({ value: l, label: capitalize(t(`providers.language.${l}`)) }))}
          checked={v.languages}
          errors={errors}
        />
        <TextArea id="bioEn" label={t('admin.provider.bioEn')} value={v.bioEn} errors={errors} />
        <TextArea id="bioEs" label={t('admin.provider.bioEs')} value={v.bioEs} errors={errors} />
      </>,
      status,
    );

  pages.get('/staff/admin/providers/new', async (c) => {
    await requireAdmin(c, 'provider');
    const v = {
      slug: '',
      displayName: '',
      credentials: '',
      specialty: '',
      bioEn: '',
      bioEs: '',
      languages: ['en'],
    };
    return providerForm(c, v, {}, 200);
  });

  pages.post('/staff/admin/providers/new', async (c) => {
    await requireAdmin(c, 'provider');
    const form = (await c.req.parseBody({ all: true })) as FormBody;
    const v: ProviderValues = {
      slug: str(form, 'slug'),
      displayName: str(form, 'displayName'),
      credentials: str(form, 'credentials'),
      specialty: str(form, 'specialty'),
      bioEn: str(form, 'bioEn'),
      bioEs: str(form, 'bioEs'),
      languages: all(form, 'languages'),
    };
    const profile = profileSchema.safeParse(v);
    const errors: FieldErrors = profile.success ? {} : fieldErrors(profile.error.issues);
    const specialty = SPECIALTIES.find((s) => s === v.specialty);
    if (!specialty) errors.specialty = t('admin.provider.err.specialty');
    const languages = LANGUAGES.filter((l) => v.languages.includes(l));
    if (languages.length === 0 || languages.length !== new Set(v.languages).size)
      errors.languages = t('admin.provider.err.languages');
    const slug = await checkSlug('providers', v.slug, errors);
    if (!profile.success || !specialty || !slug || Object.keys(errors).length)
      return providerForm(c, v, errors, 422);
    const p = profile.data;
    const ok = await create(c, 'provider', slug, (tx) =>
      insertProvider(tx, {
        slug,
        displayName: p.displayName,
        credentials: p.credentials,
        specialty,
        languages,
        bio: { en: p.bioEn, es: p.bioEs },
      }),
    );
    if (!ok) return providerForm(c, v, await takenNow('providers', slug), 409);
    return c.redirect(`/staff/admin/providers/${slug}`, 303);
  });

  // ---------------------------------------------------------------- visit types

  type NewVisitType = VisitTypeValues & { slug: string };
  const visitTypeForm = (
    c: Context<StaffEnv>,
    v: NewVisitType,
    errors: FieldErrors,
    status: 200 | 409 | 422,
  ) =>
    formPage(
      c,
      {
        title: t('admin.visitTypes.add'),
        back: ['/staff/admin/visit-types', t('admin.visitTypes.title')],
        action: '/staff/admin/visit-types/new',
        submit: t('admin.visitType.create'),
      },
      errors,
      <>
        <SlugField value={v.slug} errors={errors} />
        <VisitTypeFields values={v} errors={errors} />
      </>,
      status,
    );

  const VISIT_FIELDS = Object.keys(visitTypeSchema.shape) as (keyof VisitTypeValues)[];

  pages.get('/staff/admin/visit-types/new', async (c) => {
    await requireAdmin(c, 'visit-type');
    const empty = Object.fromEntries(VISIT_FIELDS.map((k) => [k, ''])) as VisitTypeValues;
    const v = {
      ...empty,
      slug: '',
      durationMinutes: '30',
      bufferMinutes: '0',
      minNoticeMinutes: '120',
      horizonDays: '90',
    };
    return visitTypeForm(c, v, {}, 200);
  });

  pages.post('/staff/admin/visit-types/new', async (c) => {
    await requireAdmin(c, 'visit-type');
    const form = (await c.req.parseBody()) as FormBody;
    const v = Object.fromEntries(['slug', ...VISIT_FIELDS].map((k) => [k, str(form, k)])) as NewVisitType;
    const parsed = visitTypeSchema.safeParse(v);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const slug = await checkSlug('visit_types', v.slug, errors);
    if (!parsed.success || !slug || Object.keys(errors).length) return visitTypeForm(c, v, errors, 422);
    const ok = await create(c, 'visit-type', slug, (tx) =>
      insertVisitType(tx, slug, visitTypeSettings(parsed.data)),
    );
    if (!ok) return visitTypeForm(c, v, await takenNow('visit_types', slug), 409);
    return c.redirect(`/staff/admin/visit-types/${slug}`, 303);
  });
}
