CREATE TYPE "public"."shipment_status" AS ENUM('LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED');--> statement-breakpoint
CREATE SEQUENCE "public"."tracking_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "method_zones" (
	"method_id" uuid NOT NULL,
	"zone_code" text NOT NULL,
	"estimated_days" integer NOT NULL,
	"extra_kg_price_minor" bigint NOT NULL,
	CONSTRAINT "method_zones_method_id_zone_code_pk" PRIMARY KEY("method_id","zone_code"),
	CONSTRAINT "method_zones_estimated_days_positive" CHECK ("method_zones"."estimated_days" > 0),
	CONSTRAINT "method_zones_extra_kg_price_non_negative" CHECK ("method_zones"."extra_kg_price_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_weights" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"weight_grams" integer,
	"changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "region_zones" (
	"region" text PRIMARY KEY NOT NULL,
	"zone_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"from_status" "shipment_status",
	"to_status" "shipment_status" NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"method_id" uuid NOT NULL,
	"region" text NOT NULL,
	"cost_minor" bigint NOT NULL,
	"tracking_number" text NOT NULL,
	"status" "shipment_status" DEFAULT 'LABEL_CREATED' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_tracking_number_unique" UNIQUE("tracking_number"),
	CONSTRAINT "shipments_order_method_unique" UNIQUE("order_id","method_id"),
	CONSTRAINT "shipments_cost_non_negative" CHECK ("shipments"."cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shipping_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"carrier" text NOT NULL,
	"tracking_prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_methods_code_unique" UNIQUE("code"),
	CONSTRAINT "shipping_methods_tracking_prefix_format" CHECK ("shipping_methods"."tracking_prefix" ~ '^[A-Z]{2,5}$')
);
--> statement-breakpoint
CREATE TABLE "shipping_rates" (
	"method_id" uuid NOT NULL,
	"zone_code" text NOT NULL,
	"max_weight_grams" integer NOT NULL,
	"price_minor" bigint NOT NULL,
	CONSTRAINT "shipping_rates_method_id_zone_code_max_weight_grams_pk" PRIMARY KEY("method_id","zone_code","max_weight_grams"),
	CONSTRAINT "shipping_rates_max_weight_positive" CHECK ("shipping_rates"."max_weight_grams" > 0),
	CONSTRAINT "shipping_rates_price_non_negative" CHECK ("shipping_rates"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shipping_zones" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "method_zones" ADD CONSTRAINT "method_zones_method_id_shipping_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."shipping_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "method_zones" ADD CONSTRAINT "method_zones_zone_code_shipping_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."shipping_zones"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_zones" ADD CONSTRAINT "region_zones_zone_code_shipping_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."shipping_zones"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_status_history" ADD CONSTRAINT "shipment_status_history_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_method_id_shipping_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."shipping_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_rates" ADD CONSTRAINT "shipping_rates_method_id_zone_code_method_zones_method_id_zone_code_fk" FOREIGN KEY ("method_id","zone_code") REFERENCES "public"."method_zones"("method_id","zone_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipment_status_history_shipment_idx" ON "shipment_status_history" USING btree ("shipment_id","at");--> statement-breakpoint
CREATE INDEX "shipments_status_created_idx" ON "shipments" USING btree ("status","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "shipments_created_idx" ON "shipments" USING btree ("created_at" DESC NULLS LAST,"id");