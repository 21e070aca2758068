CREATE TABLE "champion_nominations" (
	"inbox_item_id" uuid PRIMARY KEY NOT NULL,
	"nominee_name" text NOT NULL,
	"nominee_role" text NOT NULL,
	"nominee_institution" text NOT NULL,
	"consent_to_feature" boolean NOT NULL,
	"featured_name" text,
	"featured_role" text,
	"featured_institution" text,
	"featured_blurb" text,
	"featured_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inbox_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"sender_name" text NOT NULL,
	"sender_email" text NOT NULL,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"area_id" text,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"file_data" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "champion_nominations" ADD CONSTRAINT "champion_nominations_inbox_item_id_inbox_items_id_fk" FOREIGN KEY ("inbox_item_id") REFERENCES "public"."inbox_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "champion_nominations_featured_idx" ON "champion_nominations" USING btree ("featured_at");--> statement-breakpoint
CREATE INDEX "inbox_items_kind_status_idx" ON "inbox_items" USING btree ("kind","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_slug_key" ON "resources" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "resources_kind_area_idx" ON "resources" USING btree ("kind","area_id");