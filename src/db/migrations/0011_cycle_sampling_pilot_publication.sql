ALTER TABLE "cycles" ADD COLUMN "sample_sizes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "pilot" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "participation_published_at" timestamp with time zone;