/**
 * The API's contract for programmers: the OpenAPI 3.1 document at /api/v1/openapi.json, and a
 * readable reference page at /developers/api rendered here from the same document (no
 * third-party viewer or script; the site's CSP is unchanged). The reference is in English, the
 * language of the document's summaries; the page's frame follows the site's language.
 */
import { Hono } from 'hono';
import type { OpenApiDocument } from '../platform/http/openapi.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  op: Json;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (op) out.push({ method, path, op });
    }
  return out;
}

/** A schema's short type for the parameter table ("string", "integer", "'en' | 'es'"). */
function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `'${String(v)}'`).join(' | ');
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return String(schema.type ?? '');
}

/** A description's `code` spans as <code>, the rest as text. */
function Described({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 ? <code>{part}</code> : part))}</>;
}

const anchor = (o: Operation) => `${o.method}-${o.path.replace(/[^a-z0-9]+/gi, '-')}`;

export function apiReference(doc: OpenApiDocument, site: Site): Hono {
  const routes = new Hono();
  const body = JSON.stringify(doc);
  const operations = operationsOf(doc);
  const tags = [
    ...new Set(operations.map((o) => String((o.op.tags as string[] | undefined)?.[0] ?? 'Other'))),
  ];

  routes.get('/api/v1/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(body);
  });

  for (const prefix of ['/es', ''])
    routes.get(`${prefix}/developers/api`, async (c) => {
      const ctx = await contextFor(c, site);
      return renderPage(
        c,
        ctx,
        { title: `${doc.info.title} reference`, description: doc.info.description },
        <div lang="en">
          <h1>{doc.info.title}</h1>
          <p class="lead">{doc.info.description}</p>
          <p>
            The machine-readable contract:{' '}
            <a class="standalone-link" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{' '}
            (OpenAPI {doc.openapi}). Base address: <code>{doc.servers?.[0]?.url}</code>.
          </p>
          <nav aria-labelledby="api-contents">
            <h2 id="api-contents">Operations</h2>
            {tags.map((tag) => (
              <>
                <h3>{tag}</h3>
                <ul>
                  {operations
                    .filter((o) => (o.op.tags as string[] | undefined)?.[0] === tag)
                    .map((o) => (
                      <li>
                        <a href={`#${anchor(o)}`}>
                          <code>
                            {o.method.toUpperCase()} {o.path}
                          </code>{' '}
                          {String(o.op.summary ?? '')}
                        </a>
                      </li>
                    ))}
                </ul>
              </>
            ))}
          </nav>
          {operations.map((o) => (
            <OperationSection o={o} />
          ))}
        </div>,
      );
    });
  return routes;
}

function OperationSection({ o }: { o: Operation }) {
  const params = (o.op.parameters as Json[] | undefined) ?? [];
  const body = (o.op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const example = body?.['application/json']?.example;
  const bodySchema = body?.['application/json']?.schema as Json | undefined;
  const fields = Object.entries((bodySchema?.properties as Record<string, Json> | undefined) ?? {});
  const required = new Set((bodySchema?.required as string[] | undefined) ?? []);
  const responses = Object.entries((o.op.responses as Record<string, Json>) ?? {});
  const secured = Array.isArray(o.op.security) && o.op.security.length > 0;
  return (
    <section class="api-operation" id={anchor(o)} aria-labelledby={`${anchor(o)}-h`}>
      <h2 id={`${anchor(o)}-h`}>
        <code>
          {o.method.toUpperCase()} {o.path}
        </code>
      </h2>
      <p>
        <strong>{String(o.op.summary ?? '')}</strong>
        {o.op.description ? ' ' : ''}
        <Described text={String(o.op.description ?? '')} />
      </p>
      {secured ? (
        <p>
          Send the private token: <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
      ) : null}
      {params.length ? (
        <table class="api-params" tabindex={0}>
          <caption>Parameters</caption>
          <thead>
            <tr>
              <th scope="col">name</th>
              <th scope="col">in</th>
              <th scope="col">type</th>
              <th scope="col">required</th>
              <th scope="col">about</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr>
                <td>
                  <code>{String(p.name)}</code>
                </td>
                <td>{String(p.in)}</td>
                <td>{typeOf(p.schema as Json | undefined)}</td>
                <td>{p.required ? 'yes' : 'no'}</td>
                <td>
                  <Described
                    text={String(p.description ?? (p.schema as Json | undefined)?.description ?? '')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {fields.length ? (
        <table class="api-params" tabindex={0}>
          <caption>Body fields (JSON)</caption>
          <thead>
            <tr>
              <th scope="col">field</th>
              <th scope="col">type</th>
              <th scope="col">required</th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([name, schema]) => (
              <tr>
                <td>
                  <code>{name}</code>
                </td>
                <td>{typeOf(schema) || 'object'}</td>
                <td>{required.has(name) ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {example !== undefined ? (
        <>
          <h3>Example request body</h3>
          <pre class="api-example" tabindex={0}>
            {JSON.stringify(example, null, 2)}
          </pre>
        </>
      ) : null}
      <h3>Answers</h3>
      <ul>
        {responses.map(([status, r]) => (
          <li>
            <strong>{status}</strong> (
            {Object.keys((r.content as Json | undefined) ?? {}).join(', ') || 'no body'}
            ): <Described text={String(r.description ?? '')} />
          </li>
        ))}
      </ul>
    </section>
  );
}
