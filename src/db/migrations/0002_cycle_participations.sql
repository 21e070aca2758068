CREATE TABLE "cycle_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"source" text NOT NULL,
	"invited_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	"deadline_override_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cycle_participations" ADD CONSTRAINT "cycle_participations_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_participations" ADD CONSTRAINT "cycle_participations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_participations_cycle_school_key" ON "cycle_participations" USING btree ("cycle_id","school_id");--> statement-breakpoint
CREATE INDEX "cycle_participations_cycle_status_idx" ON "cycle_participations" USING btree ("cycle_id","status");