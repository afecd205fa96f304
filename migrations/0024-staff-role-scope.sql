-- Staff reach by role (ADR 23). A network administrator ('admin') reaches every clinic by role,
-- including clinics added later, so their per-clinic rows go. A clinic manager ('clinic-manager')
-- runs the clinics assigned to them.
--
-- Existing administrators: before this, an administrator was a network administrator only while
-- they had every clinic, and one limited to some clinics ran only those clinics' days. An
-- administrator who had every clinic that existed when their account was made (missing at most
-- clinics added since, which nobody could have given them before) was a network administrator
-- and stays one; one missing an older clinic was limited on purpose and becomes a clinic manager
-- of the clinics they had. Open invitations are treated alike, by when they were sent.
ALTER TABLE staff_users DROP CONSTRAINT staff_users_role_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_role_check
  CHECK (role IN ('front-desk', 'provider', 'clinic-manager', 'admin'));
ALTER TABLE staff_invites DROP CONSTRAINT staff_invites_role_check;
ALTER TABLE staff_invites ADD CONSTRAINT staff_invites_role_check
  CHECK (role IN ('front-desk', 'provider', 'clinic-manager', 'admin'));

UPDATE staff_users u SET role = 'clinic-manager'
WHERE u.role = 'admin'
  AND EXISTS (
    SELECT 1 FROM locations l
    WHERE l.created_at <= u.created_at
      AND NOT EXISTS (SELECT 1 FROM staff_user_locations s WHERE s.user_id = u.id AND s.location_id = l.id)
  );
DELETE FROM staff_user_locations s USING staff_users u WHERE u.id = s.user_id AND u.role = 'admin';

UPDATE staff_invites i SET role = 'clinic-manager'
WHERE i.role = 'admin'
  AND EXISTS (SELECT 1 FROM locations l WHERE l.created_at <= i.created_at AND NOT l.id = ANY (i.location_ids));
UPDATE staff_invites SET location_ids = '{}' WHERE role = 'admin';
