ALTER TABLE "cycles" ADD COLUMN "open_on_opens_at" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "close_at_deadline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "rejected_at" timestamp with time zone;