CREATE TABLE "score_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"snapshot_id" uuid,
	"previous_overall" double precision,
	"previous_areas" jsonb NOT NULL,
	"previous_domains" jsonb NOT NULL,
	"reason" text NOT NULL,
	"revised_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "score_revisions" ADD CONSTRAINT "score_revisions_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_revisions" ADD CONSTRAINT "score_revisions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_revisions" ADD CONSTRAINT "score_revisions_snapshot_id_norms_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."norms_snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_revisions" ADD CONSTRAINT "score_revisions_revised_by_users_id_fk" FOREIGN KEY ("revised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_revisions_response_idx" ON "score_revisions" USING btree ("response_id","created_at");