ALTER TABLE "cycles" ADD COLUMN "kind" text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "source" text DEFAULT 'platform' NOT NULL;