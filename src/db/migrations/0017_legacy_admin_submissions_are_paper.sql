-- Decision 123: a 'platform' response is one the school's leader certified. Before it, a program admin could submit
-- a response as a paper return without recording the dean's signature; those become paper entries with no signing
-- day, so they no longer count as certified until the program team records who signed and when (reopen, submit).
UPDATE "responses" r SET "source" = 'paper', "entry_mode" = 'paper'
WHERE r."source" = 'platform' AND r."status" = 'submitted'
  AND NOT EXISTS (SELECT 1 FROM "school_memberships" m WHERE m."user_id" = r."submitted_by" AND m."school_id" = r."school_id" AND m."role" = 'leader');
