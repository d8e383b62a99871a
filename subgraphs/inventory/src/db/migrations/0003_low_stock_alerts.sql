CREATE TYPE "public"."stock_alert_kind" AS ENUM('LOW', 'SOLD_OUT');--> statement-breakpoint
CREATE TABLE "pending_stock_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" "stock_alert_kind" NOT NULL,
	"available" integer NOT NULL,
	"threshold" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_settings" ADD COLUMN "seller_id" uuid;