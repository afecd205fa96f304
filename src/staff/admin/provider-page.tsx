import { type Directory, type Provider, locationById } from '../../directory/index.js';
import { capitalize, weekdayName } from '../../platform/i18n/format.js';
import { CardTable } from '../card-table.js';
import { BlockFields, blockDates, type Block } from './block-form.js';
import { staffLocale, named, t } from '../staff-kit.js';
import type { TimeOffRow, WorkingBlockRow } from './admin-store.js';
import { describeTimeOff, timeOffZone } from './time-off-text.js';
import { RetireSection } from './retirement.js';
import {
  AdminErrorSummary,
  CheckboxGroup,
  Csrf,
  Section,
  TextArea,
  TextField,
  type FieldErrors,
} from './admin-views.js';

export type Profile = Record<'displayName' | 'credentials' | 'bioEn' | 'bioEs', string>;
export type { Block } from './block-form.js';

export interface ProviderForms {
  profile?: { values: Profile; errors: FieldErrors };
  offers?: { values: string[]; errors: FieldErrors };
  block?: { values: Block; errors: FieldErrors };
  /** Working hours just removed: the notice offers to add them back (the same form's values). */
  removed?: Block;
  /** Working hours just changed: the notice offers to change them back (the old values). */
  edited?: { id: string; was: Block };
  /** An Undo just put the hours back. */
  undone?: boolean;
}

/** What a clinic manager sees of a provider's profile and offers (they change only time off). */
function ReadOnlyProfile({ p, d }: { p: Provider; d: Directory }) {
  return (
    <Section title={t('admin.provider.profile')}>
      <dl class="summary-list">
        <div>
          <dt>{t('admin.provider.credentials')}</dt>
          <dd>{p.credentials}</dd>
        </div>
        <div>
          <dt>{t('admin.provider.offers')}</dt>
          <dd>
            {d.visitTypes
              .filter((v) => p.visitTypes.includes(v.slug))
              .map((v) => named(v.name))
              .join(', ')}
          </dd>
        </div>
      </dl>
    </Section>
  );
}

/**
 * A provider's page: profile, visit types offered, working blocks and time off. `network`: all of
 * it can be edited (network administrators); a clinic manager sees the profile and working blocks
 * and manages only the time off.
 */
export function providerPage(props: {
  p: Provider;
  d: Directory;
  f: ProviderForms;
  blocks: WorkingBlockRow[];
  timeOff: TimeOffRow[];
  csrf: string;
  today: string;
  network: boolean;
}) {
  const { p, d, f, blocks, timeOff, csrf, today, network } = props;
  const profile = f.profile?.values ?? {
    displayName: p.displayName,
    credentials: p.credentials,
    bioEn: p.bio.en,
    bioEs: p.bio.es,
  };
  const offered =
    f.offers?.values ?? d.visitTypes.filter((v) => p.visitTypes.includes(v.slug)).map((v) => v.id);
  const block = f.block?.values ?? {
    location: '',
    weekday: '1',
    starts: '',
    ends: '',
    validFrom: today,
    validTo: '',
  };
  const pe = f.profile?.errors ?? {};
  const be = f.block?.errors ?? {};
  const allErrors = { ...pe, ...f.offers?.errors, ...be };
  const title = t('admin.provider.title', { name: p.displayName });
  const clinicName = (id: string) => locationById(d, id)?.name ?? '';
  return {
    title,
    errors: allErrors,
    body: (
      <>
        <AdminErrorSummary errors={allErrors} />
        {f.removed ? (
          <form method="post" action={`/staff/admin/providers/${p.slug}/blocks`} class="notice" role="status">
            <Csrf token={csrf} />
            {Object.entries(f.removed).map(([k, v]) => (
              <input type="hidden" name={k} value={v ?? ''} />
            ))}
            {t('admin.block.removed')}{' '}
            <button class="button secondary" type="submit">
              {t('admin.block.undo')}
            </button>
          </form>
        ) : null}
        {f.edited ? (
          <form
            method="post"
            action={`/staff/admin/providers/${p.slug}/blocks/${f.edited.id}/edit`}
            class="notice"
            role="status"
          >
            <Csrf token={csrf} />
            <input type="hidden" name="undo" value="1" />
            {Object.entries(f.edited.was).map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
            {t('admin.blockEdit.done')}{' '}
            <button class="button secondary" type="submit">
              {t('admin.block.undo')}
            </button>
          </form>
        ) : null}
        {f.undone ? (
          <p class="notice" role="status">
            {t('admin.block.undone')}
          </p>
        ) : null}
        <p class="back-link-row">
          <a href="/staff/admin/providers">{t('admin.providers.title')}</a>
        </p>
        <h1>{title}</h1>
        {network ? (
          <>
            <Section title={t('admin.provider.profile')}>
              <form method="post" action={`/staff/admin/providers/${p.slug}/profile`} novalidate>
                <Csrf token={csrf} />
                <TextField
                  id="displayName"
                  label={t('admin.provider.displayName')}
                  value={profile.displayName}
                  errors={pe}
                />
                <TextField
                  id="credentials"
                  label={t('admin.provider.credentials')}
                  value={profile.credentials}
                  errors={pe}
                />
                <TextArea id="bioEn" label={t('admin.provider.bioEn')} value={profile.bioEn} errors={pe} />
                <TextArea id="bioEs" label={t('admin.provider.bioEs')} value={profile.bioEs} errors={pe} />
                <button class="button" type="submit">
                  {t('admin.save')}
                </button>
              </form>
            </Section>
            <Section title={t('admin.provider.offers')}>
              <form method="post" action={`/staff/admin/providers/${p.slug}/visit-types`} novalidate>
                <Csrf token={csrf} />
                <CheckboxGroup
                  id="visitTypes"
                  legend={t('admin.provider.offersLegend')}
                  options={d.visitTypes.map((v) => ({ value: v.id, label: named(v.name) }))}
                  checked={offered}
                  errors={f.offers?.errors ?? {}}
                />
                <button class="button" type="submit">
                  {t('admin.save')}
                </button>
              </form>
            </Section>
          </>
        ) : (
          <ReadOnlyProfile p={p} d={d} />
        )}
        <Section title={t('admin.blocks.title')}>
          {blocks.length === 0 ? (
            <p>{t('admin.blocks.none')}</p>
          ) : (
            <CardTable
              columns={[
                t('admin.block.weekday'),
                t('admin.block.time'),
                t('admin.block.location'),
                t('admin.block.valid'),
                ...(network ? [t('staff.col.actions')] : []),
              ]}
              rows={blocks.map((b) => [
                capitalize(weekdayName(staffLocale(), b.weekday)),
                `${b.starts}–${b.ends}`,
                clinicName(b.locationId),
                blockDates(b),
                ...(network
                  ? [
                      <>
                        <a
                          class="button secondary"
                          href={`/staff/admin/providers/${p.slug}/blocks/${b.id}/edit`}
                          aria-label={t('admin.blockEdit.label', {
                            day: weekdayName(staffLocale(), b.weekday),
                            time: `${b.starts}–${b.ends}`,
                          })}
                        >
                          {t('admin.blockEdit.link')}
                        </a>{' '}
                        <form method="post" action={`/staff/admin/providers/${p.slug}/blocks/${b.id}/remove`}>
                          <Csrf token={csrf} />
                          <button class="button secondary" type="submit">
                            {t('admin.remove')}
                          </button>
                        </form>
                      </>,
                    ]
                  : []),
              ])}
            />
          )}
          {network ? (
            <>
              <h3>{t('admin.block.add')}</h3>
              <form
                method="post"
                action={`/staff/admin/providers/${p.slug}/blocks`}
                novalidate
                class="admin-row-form"
              >
                <Csrf token={csrf} />
                <BlockFields d={d} values={block} errors={be} />
                <button class="button" type="submit">
                  {t('admin.block.add')}
                </button>
              </form>
            </>
          ) : null}
        </Section>
        <Section title={t('admin.timeOff.title')}>
          {timeOff.length === 0 ? (
            <p>{t('admin.timeOff.none')}</p>
          ) : (
            <CardTable
              columns={[t('admin.timeOff.when'), t('admin.timeOff.noteColumn'), t('staff.col.actions')]}
              rows={timeOff.map((x) => [
                describeTimeOff(x, timeOffZone(d, p)),
                x.note,
                <form method="post" action={`/staff/admin/providers/${p.slug}/time-off/${x.id}/remove`}>
                  <Csrf token={csrf} />
                  <button class="button secondary" type="submit">
                    {t('admin.remove')}
                  </button>
                </form>,
              ])}
            />
          )}
          <p>
            <a class="button secondary" href={`/staff/admin/providers/${p.slug}/time-off`}>
              {t('admin.timeOff.add')}
            </a>
          </p>
        </Section>
        {network ? <RetireSection kind="provider" slug={p.slug} name={p.displayName} csrf={csrf} /> : null}
      </>
    ),
  };
}
