CREATE TYPE "public"."reorder_status" AS ENUM('DRAFT', 'SENT', 'RECEIVED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "product_sellers" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_suppliers" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"supplier_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorder_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"status" "reorder_status" DEFAULT 'DRAFT' NOT NULL,
	"suggested" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reorder_requests_quantity_range" CHECK ("reorder_requests"."quantity" between 1 and 1000000)
);
--> statement-breakpoint
CREATE TABLE "reorder_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reorder_id" uuid NOT NULL,
	"from_status" "reorder_status",
	"to_status" "reorder_status" NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seller_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact_email" text,
	"lead_time_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_id_seller_unique" UNIQUE("id","seller_id"),
	CONSTRAINT "suppliers_name_length" CHECK (char_length("suppliers"."name") between 1 and 200),
	CONSTRAINT "suppliers_lead_time_range" CHECK ("suppliers"."lead_time_days" between 0 and 365)
);
--> statement-breakpoint
ALTER TABLE "product_suppliers" ADD CONSTRAINT "product_suppliers_supplier_fk" FOREIGN KEY ("supplier_id","seller_id") REFERENCES "public"."suppliers"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorder_requests" ADD CONSTRAINT "reorder_requests_supplier_fk" FOREIGN KEY ("supplier_id","seller_id") REFERENCES "public"."suppliers"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorder_status_history" ADD CONSTRAINT "reorder_status_history_reorder_id_reorder_requests_id_fk" FOREIGN KEY ("reorder_id") REFERENCES "public"."reorder_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_suppliers_supplier_idx" ON "product_suppliers" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "reorder_requests_seller_created_idx" ON "reorder_requests" USING btree ("seller_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "reorder_requests_created_idx" ON "reorder_requests" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "reorder_requests_product_open_idx" ON "reorder_requests" USING btree ("product_id") WHERE status in ('DRAFT', 'SENT');--> statement-breakpoint
CREATE UNIQUE INDEX "reorder_requests_one_open_suggestion" ON "reorder_requests" USING btree ("product_id") WHERE suggested and status in ('DRAFT', 'SENT');--> statement-breakpoint
CREATE INDEX "reorder_status_history_reorder_idx" ON "reorder_status_history" USING btree ("reorder_id","at");--> statement-breakpoint
CREATE INDEX "suppliers_seller_name_idx" ON "suppliers" USING btree ("seller_id","name","id");