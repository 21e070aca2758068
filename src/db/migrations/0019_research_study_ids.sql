CREATE TABLE "research_study_ids" (
	"cycle_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"study_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "research_study_ids" ADD CONSTRAINT "research_study_ids_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_study_ids" ADD CONSTRAINT "research_study_ids_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "research_study_ids_cycle_school_key" ON "research_study_ids" USING btree ("cycle_id","school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "research_study_ids_cycle_study_key" ON "research_study_ids" USING btree ("cycle_id","study_id");--> statement-breakpoint
CREATE INDEX "research_study_ids_school_idx" ON "research_study_ids" USING btree ("school_id");