/**
 * The audit walk's steps, part 3 (after admin-steps.ts): staff accounts, a colleague's resets, a
 * forgotten password, invitations, then the pathways and the FHIR API's clients.
 */
import { ids, get, send, type Step } from '../support/audit-walk.js';

export const ACCOUNTS_STEPS: Step[] = [
  get('/staff/admin/staff', 'admin', '/staff/admin/staff', 200, 0),
  get('/staff/admin/staff/:id', 'admin', '/staff/admin/staff/ID:desk@example.com', 200, 0),
  send(
    '/staff/admin/staff/:id/access',
    'admin',
    () => `/staff/admin/staff/${ids['desk@example.com']}/access`,
    () => ({}),
    422,
    0,
  ),
  send(
    '/staff/admin/staff/:id/deactivate',
    'admin',
    () => `/staff/admin/staff/${ids['evans@example.com']}/deactivate`,
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/staff/:id/reactivate',
    'admin',
    () => `/staff/admin/staff/${ids['evans@example.com']}/reactivate`,
    () => ({}),
    303,
    1,
  ),
  // An administrator's help for a colleague: one event each; a two-step reset of an account without
  // it changes nothing and writes nothing.
  send(
    '/staff/admin/staff/:id/password-reset',
    'admin',
    () => `/staff/admin/staff/${ids['desk@example.com']}/password-reset`,
    () => ({}),
    303,
    1,
  ),
  send(
    '/staff/admin/staff/:id/mfa-reset',
    'admin',
    () => `/staff/admin/staff/${ids['desk@example.com']}/mfa-reset`,
    () => ({}),
    303,
    0,
  ),
  // A forgotten password (no session needed): the request is audited whether or not the address
  // has an account; a link that does not work writes nothing and changes nothing.
  get('/staff/password/forgot', 'desk', '/staff/password/forgot', 200, 0),
  send(
    '/staff/password/forgot',
    'desk',
    () => '/staff/password/forgot',
    () => ({ email: 'nobody@example.com' }),
    200,
    1,
  ),
  get('/staff/password/reset/done', 'desk', '/staff/password/reset/done', 200, 0),
  get('/staff/password/reset/:token', 'desk', `/staff/password/reset/${'x'.repeat(43)}`, 404, 0),
  send(
    '/staff/password/reset/:token',
    'desk',
    () => `/staff/password/reset/${'x'.repeat(43)}`,
    () => ({ password: 'a long enough new one', confirm: 'a long enough new one' }),
    404,
    0,
  ),
  get('/staff/admin/staff/invite', 'admin', '/staff/admin/staff/invite', 200, 0),
  send(
    '/staff/admin/staff/invite',
    'admin',
    () => '/staff/admin/staff/invite',
    () => ({}),
    422,
    0,
  ),
  get('/staff/invite/:token', 'admin', '/staff/invite/not-a-real-invitation-token-000000000000000', 404, 0),
  send(
    '/staff/invite/:token',
    'admin',
    () => '/staff/invite/not-a-real-invitation-token-000000000000000',
    () => ({}),
    404,
    0,
  ),
  get('/staff/invite/accepted', 'admin', '/staff/invite/accepted', 200, 0),
  get('/staff/admin/pathways', 'admin', '/staff/admin/pathways', 200, 0),
  get('/staff/admin/fhir-clients', 'admin', '/staff/admin/fhir-clients', 200, 0),
  send(
    '/staff/admin/fhir-clients',
    'admin',
    () => '/staff/admin/fhir-clients',
    () => ({}),
    422,
    0,
  ),
  send(
    '/staff/admin/fhir-clients',
    'admin',
    () => '/staff/admin/fhir-clients',
    () => ({
      clientId: 'walk-client',
      name: 'Walk',
      scope: 'system/Slot.rs',
      jwksUrl: 'https://walk.example/jwks.json',
    }),
    303,
    1,
  ),
  send(
    '/staff/admin/fhir-clients/:clientId/retire',
    'admin',
    () => '/staff/admin/fhir-clients/walk-client/retire',
    () => ({}),
    303,
    1,
  ),
];
