/**
 * What a staff account may do: its role, its clinics and, for a provider, the provider it is.
 * Shared by the invitation form and the account page. A network administrator reaches every
 * clinic by role, so their clinics are not asked for and not stored (ADR 23).
 */
import { providerById } from '../../directory/index.js';
import type { Directory } from '../../directory/index.js';
import { capitalize } from '../../platform/i18n/format.js';
import { hasClinicList, ROLES, type Role } from '../roles.js';
import { t } from '../staff-kit.js';
import { CheckboxGroup, FieldError, type FieldErrors } from './admin-views.js';

export { ROLES };

export interface AccessValues {
  role: string;
  locations: string[];
  provider: string;
}

export interface Access {
  role: Role;
  locationIds: string[];
  providerId: string | null;
}

export function parseAccess(d: Directory, v: AccessValues): { errors: FieldErrors; access?: Access } {
  const errors: FieldErrors = {};
  const role = ROLES.find((r) => r === v.role);
  if (!role) errors.role = t('admin.access.err.role');
  const known = new Set(d.locations.map((l) => l.id));
  const clinicList = role === undefined || hasClinicList(role);
  if (clinicList && (v.locations.length === 0 || v.locations.some((id) => !known.has(id))))
    errors.locations = t('admin.access.err.locations');
  const provider = providerById(d, v.provider);
  if (role === 'provider' && !provider) errors.provider = t('admin.access.err.provider');
  if (Object.keys(errors).length || !role) return { errors };
  return {
    errors,
    access: {
      role,
      locationIds: hasClinicList(role) ? [...new Set(v.locations)] : [],
      providerId: role === 'provider' ? provider!.id : null,
    },
  };
}

export function AccessFields({
  d,
  values,
  errors,
}: {
  d: Directory;
  values: AccessValues;
  errors: FieldErrors;
}) {
  return (
    <>
      <div class={`form-group${errors.role ? ' has-error' : ''}`}>
        <fieldset aria-describedby={errors.role ? 'role-hint role-error' : 'role-hint'}>
          <legend class="label">{t('admin.staff.role')}</legend>
          <div id="role-hint" class="hint">
            {t('admin.access.rolesHint')}
          </div>
          <FieldError id="role" message={errors.role} />
          <div class="radios">
            {ROLES.map((r, i) => (
              <div class="radio">
                <input
                  id={i === 0 ? 'role' : `role-${r}`}
                  name="role"
                  type="radio"
                  value={r}
                  checked={values.role === r}
                />
                <label for={i === 0 ? 'role' : `role-${r}`}>{capitalize(t(`staff.role.${r}`))}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class={`form-group${errors.provider ? ' has-error' : ''}`}>
        <label class="label" for="provider">
          {t('admin.access.provider')}
        </label>
        <div id="provider-hint" class="hint">
          {t('admin.access.providerHint')}
        </div>
        <FieldError id="provider" message={errors.provider} />
        <select
          class="input"
          id="provider"
          name="provider"
          aria-describedby={errors.provider ? 'provider-hint provider-error' : 'provider-hint'}
        >
          <option value="">{t('admin.access.noProvider')}</option>
          {d.providers.map((p) => (
            <option value={p.id} selected={p.id === values.provider}>
              {p.displayName}
            </option>
          ))}
        </select>
      </div>
      <CheckboxGroup
        id="locations"
        legend={t('admin.staff.clinics')}
        hint={t('admin.access.clinicsHint')}
        options={d.locations.map((l) => ({ value: l.id, label: l.name }))}
        checked={values.locations}
        errors={errors}
      />
    </>
  );
}
