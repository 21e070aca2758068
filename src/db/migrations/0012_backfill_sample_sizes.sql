-- One sample size for every discipline becomes one size per discipline (decision 090).
UPDATE "cycles"
SET "sample_sizes" = (
  SELECT jsonb_object_agg(d, "cycles"."sample_size_per_discipline")
  FROM unnest("cycles"."disciplines") AS d
)
WHERE "sample_size_per_discipline" IS NOT NULL;
--> statement-breakpoint
-- Cycles already past were public before publishing became a deliberate step (decision 092): they stay public.
UPDATE "cycles"
SET "participation_published_at" = now()
WHERE "status" IN ('closed', 'scored', 'released') AND "participation_published_at" IS NULL;
