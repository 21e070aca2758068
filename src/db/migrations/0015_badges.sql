CREATE TABLE "badge_offer_fees" (
	"cycle_id" uuid NOT NULL,
	"discipline" text NOT NULL,
	"fee_cents" integer NOT NULL,
	CONSTRAINT "badge_offer_fees_non_negative" CHECK ("badge_offer_fees"."fee_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "badge_offers" (
	"cycle_id" uuid PRIMARY KEY NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badge_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'awaiting_payment' NOT NULL,
	"payment_method" text NOT NULL,
	"fee_cents" integer NOT NULL,
	"invoice_number" serial NOT NULL,
	"billing_name" text NOT NULL,
	"billing_email" text NOT NULL,
	"billing_address" text NOT NULL,
	"po_number" text,
	"ordered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"payment_reference" text,
	"waived_at" timestamp with time zone,
	"waive_reason" text,
	"settled_by" uuid,
	"stripe_session_id" text
);
--> statement-breakpoint
CREATE TABLE "badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_id" text NOT NULL,
	"order_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_name" text NOT NULL,
	"discipline" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"status_index" integer NOT NULL,
	"credential" jsonb NOT NULL,
	"svg" text NOT NULL,
	"png" "bytea" NOT NULL,
	"image_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "school_badge_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"listed_in_directory" boolean DEFAULT true NOT NULL,
	"inaugural_supporter_year" integer,
	"inaugural_supporter_note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "badge_offer_fees" ADD CONSTRAINT "badge_offer_fees_cycle_id_badge_offers_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."badge_offers"("cycle_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_offers" ADD CONSTRAINT "badge_offers_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_offers" ADD CONSTRAINT "badge_offers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_orders" ADD CONSTRAINT "badge_orders_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_orders" ADD CONSTRAINT "badge_orders_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_orders" ADD CONSTRAINT "badge_orders_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_orders" ADD CONSTRAINT "badge_orders_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_order_id_badge_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."badge_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_badge_settings" ADD CONSTRAINT "school_badge_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_badge_settings" ADD CONSTRAINT "school_badge_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "badge_offer_fees_key" ON "badge_offer_fees" USING btree ("cycle_id","discipline");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_orders_cycle_school_key" ON "badge_orders" USING btree ("cycle_id","school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_orders_stripe_session_key" ON "badge_orders" USING btree ("stripe_session_id");--> statement-breakpoint
CREATE INDEX "badge_orders_status_idx" ON "badge_orders" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "badges_public_id_key" ON "badges" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badges_order_key" ON "badges" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badges_status_index_key" ON "badges" USING btree ("status_index");--> statement-breakpoint
CREATE INDEX "badges_school_idx" ON "badges" USING btree ("school_id");