CREATE TABLE "instrument_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"content_hash" text NOT NULL,
	"content" jsonb NOT NULL,
	"source_file" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
