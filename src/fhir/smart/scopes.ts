/**
 * SMART on FHIR system scopes (v2, with v1 accepted as its equivalent): what a backend client
 * may do with which resource type. Pure: parsing, granting and checking.
 *
 *   system/Appointment.rs    read and search Appointments (v2)
 *   system/Appointment.cud   create (book), update (cancel), delete
 *   system/*.cruds           everything
 *   system/Patient.read      v1: the same as .rs; .write is .cud; .* is .cruds
 */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface Scope {
  resourceType: string; // a FHIR resource type, or '*'
  permissions: Set<Permission>;
}

const ORDER: Permission[] = ['c', 'r', 'u', 'd', 's'];
const V1: Record<string, Permission[]> = { read: ['r', 's'], write: ['c', 'u', 'd'], '*': ORDER };

/** One scope, or undefined when it is not a system scope this server understands. */
export function parseScope(text: string): Scope | undefined {
  const m = /^system\/(\*|[A-Z][A-Za-z]{1,63})\.(read|write|\*|[cruds]{1,5})$/.exec(text);
  if (!m) return undefined;
  const [, resourceType, rights] = m;
  const letters = V1[rights!] ?? [...rights!];
  // v2 letters come in the order c, r, u, d, s, each once.
  const inOrder = ORDER.filter((p) => letters.includes(p));
  if (!V1[rights!] && inOrder.join('') !== rights) return undefined;
  return { resourceType: resourceType!, permissions: new Set(inOrder as Permission[]) };
}

/** A scope string (space-separated) as scopes; the texts that are not understood come back apart. */
export function parseScopes(text: string): { scopes: Scope[]; unknown: string[] } {
  const scopes: Scope[] = [];
  const unknown: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const s = parseScope(word);
    if (s) scopes.push(s);
    else unknown.push(word);
  }
  return { scopes, unknown };
}

export function formatScope(s: Scope): string {
  return `system/${s.resourceType}.${ORDER.filter((p) => s.permissions.has(p)).join('')}`;
}

/** Whether the scopes allow one permission on a resource type. */
export function permits(scopes: Scope[], resourceType: string, p: Permission): boolean {
  return scopes.some(
    (s) => (s.resourceType === '*' || s.resourceType === resourceType) && s.permissions.has(p),
  );
}

/**
 * What a client asking for `requested` gets, given what it is registered for: each requested
 * scope narrowed to the permissions the registration allows on its resource type (dropped when
 * none). Nothing requested means everything registered, as SMART allows a server to decide.
 */
export function grantScopes(requested: Scope[], allowed: Scope[]): Scope[] {
  if (requested.length === 0) return allowed;
  const granted: Scope[] = [];
  for (const r of requested) {
    const types = r.resourceType === '*' ? allowed.map((a) => a.resourceType) : [r.resourceType];
    for (const type of new Set(types)) {
      const permissions = new Set([...r.permissions].filter((p) => permits(allowed, type, p)));
      if (
        permissions.size &&
        !granted.some((g) => formatScope(g) === formatScope({ resourceType: type, permissions }))
      )
        granted.push({ resourceType: type, permissions });
    }
  }
  return granted;
}
