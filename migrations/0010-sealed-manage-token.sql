-- The patient's private manage token, sealed (AES-256-GCM) with the application secret, next to
-- its hash. Why: when the clinic changes a visit (staff move or cancel it), the notice must carry
-- the patient's own link, which only the patient has. Staff pages never show it; lookups still
-- go through the hash. Visits booked before this column existed get a new token when staff
-- first change them. See docs/decisions/0008-sealed-manage-token.md.
ALTER TABLE appointments ADD COLUMN manage_token_sealed text;
