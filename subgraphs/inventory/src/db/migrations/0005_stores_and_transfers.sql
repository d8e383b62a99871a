CREATE TYPE "public"."warehouse_kind" AS ENUM('WAREHOUSE', 'STORE');--> statement-breakpoint
ALTER TYPE "public"."stock_alert_kind" ADD VALUE 'BACK_IN_STOCK';--> statement-breakpoint
CREATE SEQUENCE "public"."store_sale_receipt_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "store_sale_lines" (
	"sale_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	CONSTRAINT "store_sale_lines_sale_id_line_no_pk" PRIMARY KEY("sale_id","line_no"),
	CONSTRAINT "store_sale_lines_quantity_positive" CHECK ("store_sale_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "store_sales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receipt_number" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_sales_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "store_sales_cashier_key_unique" UNIQUE("cashier_id","idempotency_key"),
	CONSTRAINT "store_sales_total_non_negative" CHECK ("store_sales"."total_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "stock_movements" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "kind" "warehouse_kind" DEFAULT 'WAREHOUSE' NOT NULL;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "seller_id" uuid;--> statement-breakpoint
ALTER TABLE "store_sale_lines" ADD CONSTRAINT "store_sale_lines_sale_id_store_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."store_sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_sales" ADD CONSTRAINT "store_sales_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warehouses_seller_idx" ON "warehouses" USING btree ("seller_id") WHERE seller_id is not null;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_reference_unique" UNIQUE("reference");--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_store_has_seller" CHECK (("warehouses"."kind" = 'STORE') = ("warehouses"."seller_id" is not null));