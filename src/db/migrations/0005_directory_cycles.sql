CREATE TABLE "cycle_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cycle_reminders_sent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cycle_participations" ADD COLUMN "invitee_email" text;--> statement-breakpoint
ALTER TABLE "cycle_participations" ADD COLUMN "invitee_name" text;--> statement-breakpoint
ALTER TABLE "cycle_participations" ADD COLUMN "invitation_mail_id" uuid;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "sample_size_per_discipline" integer;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "sample_seed" integer;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "reminder_days" integer[] DEFAULT '{30,14,7,1}' NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cycle_invitations" ADD CONSTRAINT "cycle_invitations_participation_id_cycle_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."cycle_participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_reminders_sent" ADD CONSTRAINT "cycle_reminders_sent_participation_id_cycle_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."cycle_participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_invitations_token_hash_key" ON "cycle_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "cycle_invitations_participation_idx" ON "cycle_invitations" USING btree ("participation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_reminders_sent_key" ON "cycle_reminders_sent" USING btree ("participation_id","days_before");