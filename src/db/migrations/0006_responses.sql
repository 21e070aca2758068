CREATE TABLE "answer_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"value" jsonb,
	"note" text,
	"evidence_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"prefilled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "area_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"instrument_version" text NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"entry_mode" text DEFAULT 'online' NOT NULL,
	"carried_forward_from" uuid,
	"certified_by_name" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answer_history" ADD CONSTRAINT "answer_history_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_history" ADD CONSTRAINT "answer_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_assignments" ADD CONSTRAINT "area_assignments_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_assignments" ADD CONSTRAINT "area_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_participation_id_cycle_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."cycle_participations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_history_response_item_idx" ON "answer_history" USING btree ("response_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "answers_response_item_key" ON "answers" USING btree ("response_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "area_assignments_response_area_user_key" ON "area_assignments" USING btree ("response_id","area_id","user_id");--> statement-breakpoint
CREATE INDEX "area_assignments_user_idx" ON "area_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_participation_key" ON "responses" USING btree ("participation_id");--> statement-breakpoint
CREATE INDEX "responses_cycle_status_idx" ON "responses" USING btree ("cycle_id","status");--> statement-breakpoint
CREATE INDEX "responses_school_idx" ON "responses" USING btree ("school_id");