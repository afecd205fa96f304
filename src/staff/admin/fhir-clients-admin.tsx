/**
 * FHIR API clients (network administrators): the systems that may use the FHIR API with SMART
 * Backend Services, each with its keys and the most it may be granted. Registering and retiring
 * are audited; clients from the CAREPATH_FHIR_CLIENTS file are shown but managed in the file
 * (it is applied at every start).
 */
import type { Context, Hono } from 'hono';
import { recordAudit } from '../../audit/index.js';
import { clientSchema, listClients, retireClient, saveClient, type FhirClient } from '../../fhir/index.js';
import { longDate } from '../../platform/i18n/format.js';
import { staffLocale, t, type StaffEnv, type StaffKit } from '../staff-kit.js';
import {
  AdminErrorSummary,
  Csrf,
  Section,
  str,
  TextArea,
  TextField,
  titleWithErrors,
  type FieldErrors,
  type FormBody,
} from './admin-views.js';

const FIELDS = ['clientId', 'name', 'scope', 'jwks', 'jwksUrl'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = { clientId: '', name: '', scope: '', jwks: '', jwksUrl: '' };
const PATH = '/staff/admin/fhir-clients';

/** The form's values as a registration, or the message for each field that is wrong. */
function readForm(values: Values): {
  registration?: ReturnType<typeof clientSchema.parse>;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  let jwks: unknown;
  if (values.jwks.trim()) {
    try {
      jwks = JSON.parse(values.jwks);
    } catch {
      errors.jwks = t('admin.fhir.err.jwksJson');
    }
  }
  if (!values.jwks.trim() && !values.jwksUrl.trim()) errors.jwks = t('admin.fhir.err.keys');
  const parsed = clientSchema.safeParse({
    clientId: values.clientId.trim(),
    name: values.name,
    scope: values.scope,
    ...(jwks !== undefined ? { jwks } : {}),
    ...(values.jwksUrl.trim() ? { jwksUrl: values.jwksUrl.trim() } : {}),
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'jwks')] ??= issue.message;
  return Object.keys(errors).length ? { errors } : { registration: parsed.data, errors };
}

export function fhirClientRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, page, requireAdmin, staffActor, now } = kit;

  const render = async (c: Context<StaffEnv>, values: Values, errors: FieldErrors, status: 200 | 422) => {
    const clients = await listClients(db);
    const session = c.get('staff');
    const title = t('admin.fhir.title');
    return page(
      c,
      titleWithErrors(title, errors),
      <div>
        <AdminErrorSummary errors={errors} />
        <p class="back-link-row">
          <a href="/staff/admin">{t('admin.title')}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('admin.fhir.intro')}</p>
        {clients.length === 0 ? (
          <p class="hint">{t('admin.fhir.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.fhir.name')}</th>
                <th scope="col">{t('admin.fhir.scope')}</th>
                <th scope="col">{t('admin.fhir.keys')}</th>
                <th scope="col">{t('admin.fhir.status')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <ClientRow client={client} csrf={session.csrf} />
              ))}
            </tbody>
          </table>
        )}
        <Section title={t('admin.fhir.register')}>
          <form method="post" action={PATH} novalidate class="narrow">
            <Csrf token={session.csrf} />
            <TextField
              id="clientId"
              label={t('admin.fhir.clientId')}
              hint={t('admin.fhir.clientIdHint')}
              value={values.clientId}
              errors={errors}
              width="width-20"
            />
            <TextField id="name" label={t('admin.fhir.name')} value={values.name} errors={errors} />
            <TextField
              id="scope"
              label={t('admin.fhir.scope')}
              hint={t('admin.fhir.scopeHint')}
              value={values.scope}
              errors={errors}
            />
            <TextArea id="jwks" label={t('admin.fhir.jwks')} value={values.jwks} errors={errors} />
            <TextField
              id="jwksUrl"
              label={t('admin.fhir.jwksUrl')}
              hint={t('admin.fhir.jwksUrlHint')}
              value={values.jwksUrl}
              errors={errors}
              type="url"
            />
            <button class="button" type="submit">
              {t('admin.fhir.registerButton')}
            </button>
          </form>
        </Section>
      </div>,
      status,
      session,
    );
  };

  pages.get(PATH, async (c) => {
    await requireAdmin(c, 'fhir-client');
    return render(c, EMPTY, {}, 200);
  });

  pages.post(PATH, async (c) => {
    await requireAdmin(c, 'fhir-client');
    const form = (await c.req.parseBody()) as FormBody;
    const values = Object.fromEntries(FIELDS.map((k) => [k, str(form, k)])) as Values;
    const { registration, errors } = readForm(values);
    if (!registration) return render(c, values, errors, 422);
    const created = await db.transaction(async (tx) => {
      const [taken] = await tx.query('SELECT 1 FROM fhir_clients WHERE client_id = $1', [
        registration.clientId,
      ]);
      if (taken) return false;
      await saveClient(tx, registration, 'admin');
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'create',
        entityType: 'fhir-client',
        entityId: registration.clientId,
        outcome: 'success',
      });
      return true;
    });
    if (!created) return render(c, values, { clientId: t('admin.fhir.err.taken') }, 422);
    return c.redirect(PATH, 303);
  });

  pages.post(`${PATH}/:clientId/retire`, async (c) => {
    await requireAdmin(c, 'fhir-client');
    const clientId = c.req.param('clientId');
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ source: string }>(
        'SELECT source FROM fhir_clients WHERE client_id = $1 AND retired_at IS NULL FOR UPDATE',
        [clientId],
      );
      // Already retired, unknown, or the file's (which the file would bring back): nothing to do.
      if (!row || row.source !== 'admin') return;
      await retireClient(tx, clientId, now());
      await recordAudit(tx, {
        ...staffActor(c),
        action: 'retire',
        entityType: 'fhir-client',
        entityId: clientId,
        outcome: 'success',
      });
    });
    return c.redirect(PATH, 303);
  });
}

function ClientRow({ client, csrf }: { client: FhirClient; csrf: string }) {
  return (
    <tr>
      <td>
        {client.name}
        <br />
        <code>{client.clientId}</code>
      </td>
      <td>
        <code>{client.scope}</code>
      </td>
      <td>
        {client.jwksUrl ? (
          <code>{client.jwksUrl}</code>
        ) : (
          t('admin.fhir.inlineKeys', { n: client.jwks?.keys.length ?? 0 })
        )}
      </td>
      <td>
        {client.retiredAt ? (
          t('admin.fhir.retiredOn', {
            date: longDate(staffLocale(), client.retiredAt.toISOString().slice(0, 10)),
          })
        ) : client.source === 'file' ? (
          t('admin.fhir.fromFile')
        ) : (
          <form method="post" action={`${PATH}/${client.clientId}/retire`}>
            <Csrf token={csrf} />
            <button
              class="button warning"
              type="submit"
              aria-label={t('admin.fhir.retireLabel', { name: client.name })}
            >
              {t('admin.fhir.retire')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
