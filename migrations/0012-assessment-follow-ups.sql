-- Pathway 1.1.0 asks PEG and STarT Back after the result ("help your clinician prepare"). Those
-- answers are a follow-up of the result, recorded like a check-in: the original result stays
-- as it was made, and the follow-up carries the disposition it leads to (STarT Back medium or
-- high risk gives an appointment). A follow-up of kind 'questions' has no "improving" answer.
ALTER TABLE assessment_check_ins
  ADD COLUMN kind text NOT NULL DEFAULT 'check-in' CHECK (kind IN ('check-in', 'questions'));
ALTER TABLE assessment_check_ins ALTER COLUMN improving DROP NOT NULL;
ALTER TABLE assessment_check_ins
  ADD CONSTRAINT assessment_check_ins_improving_given CHECK (kind <> 'check-in' OR improving IS NOT NULL);
