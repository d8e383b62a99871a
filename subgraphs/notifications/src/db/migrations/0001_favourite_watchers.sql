ALTER TYPE "public"."notification_kind" ADD VALUE 'BACK_IN_STOCK' BEFORE 'TICKET_OPENED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'REORDER_SUGGESTED' BEFORE 'TICKET_OPENED';--> statement-breakpoint
CREATE TABLE "product_watchers" (
	"product_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"watching" boolean NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_watchers_product_id_user_id_pk" PRIMARY KEY("product_id","user_id")
);
