CREATE TABLE "dead_letters" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"event" jsonb NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"error" text NOT NULL,
	"error_stack" text,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dead_at" timestamp with time zone,
	CONSTRAINT "dead_letters_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE INDEX "dead_letters_dead_idx" ON "dead_letters" USING btree ("consumer","dead_at") WHERE dead_at is not null;