CREATE TABLE "report_pdfs" (
	"progress_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	CONSTRAINT "report_pdfs_progress_id_response_id_pk" PRIMARY KEY("progress_id","response_id")
);
--> statement-breakpoint
ALTER TABLE "report_pdfs" ADD CONSTRAINT "report_pdfs_progress_id_job_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."job_progress"("id") ON DELETE cascade ON UPDATE no action;