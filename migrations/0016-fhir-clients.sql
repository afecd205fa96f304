-- Systems that use the FHIR API with SMART Backend Services (client credentials with a signed
-- JWT assertion). A client is registered by a network administrator, or from the file named by
-- CAREPATH_FHIR_CLIENTS; it authenticates with a key from its JWKS (inline, or at its URL) and
-- may be granted at most its registered scopes. A retired client gets no tokens, and its
-- unexpired tokens stop working at once.
CREATE TABLE fhir_clients (
  client_id text PRIMARY KEY CHECK (client_id ~ '^[A-Za-z0-9._-]{3,100}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  jwks jsonb,
  jwks_url text,
  scope text NOT NULL,
  source text NOT NULL CHECK (source IN ('admin', 'file')),
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  CHECK ((jwks IS NULL) <> (jwks_url IS NULL))
);

-- Each assertion is accepted once: its jti is kept until the assertion expires (replay refusal
-- holds across instances because the primary key decides).
CREATE TABLE fhir_assertion_ids (
  client_id text NOT NULL REFERENCES fhir_clients(client_id) ON DELETE CASCADE,
  jti text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, jti)
);

-- Access tokens are opaque; only their hash is stored.
CREATE TABLE fhir_access_tokens (
  token_hash text PRIMARY KEY,
  client_id text NOT NULL REFERENCES fhir_clients(client_id) ON DELETE CASCADE,
  scope text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX fhir_access_tokens_expiry ON fhir_access_tokens (expires_at);
CREATE INDEX fhir_assertion_ids_expiry ON fhir_assertion_ids (expires_at);
