CREATE TYPE "public"."forecast_subject" AS ENUM('PRODUCT', 'CATEGORY');--> statement-breakpoint
CREATE TABLE "event_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"envelope" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_log_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "order_facts" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" char(3),
	"placed_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"cancelled_after_paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"sales_counted" boolean DEFAULT false NOT NULL,
	"sales_taken_back" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint,
	CONSTRAINT "order_lines_order_id_line_no_pk" PRIMARY KEY("order_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "order_refunds" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"refunded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_facts" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"category_id" uuid,
	"name" text,
	"price_minor" bigint,
	"currency" char(3),
	"cost_price_minor" bigint,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sales_daily" (
	"day" date NOT NULL,
	"product_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"category_id" uuid,
	"units" integer NOT NULL,
	"orders" integer NOT NULL,
	"revenue_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	CONSTRAINT "sales_daily_day_product_id_pk" PRIMARY KEY("day","product_id")
);
--> statement-breakpoint
CREATE TABLE "sales_ledger" (
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"units" integer NOT NULL,
	"revenue_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	CONSTRAINT "sales_ledger_order_id_product_id_kind_pk" PRIMARY KEY("order_id","product_id","kind")
);
--> statement-breakpoint
CREATE TABLE "stock_history" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"on_hand" integer NOT NULL,
	"available" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"on_hand" integer NOT NULL,
	"reserved" integer NOT NULL,
	"available" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_levels_product_id_warehouse_id_pk" PRIMARY KEY("product_id","warehouse_id")
);
--> statement-breakpoint
CREATE TABLE "forecast_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"series_total" integer DEFAULT 0 NOT NULL,
	"series_done" integer DEFAULT 0 NOT NULL,
	"series_failed" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "forecasts" (
	"subject_kind" "forecast_subject" NOT NULL,
	"subject_id" uuid NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"history_days" integer NOT NULL,
	"days" integer NOT NULL,
	"model" text NOT NULL,
	"points" jsonb NOT NULL,
	"smape" double precision,
	"mape" double precision,
	"baseline_smape" double precision,
	"backtest_window" integer,
	"models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "forecasts_subject_kind_subject_id_pk" PRIMARY KEY("subject_kind","subject_id"),
	CONSTRAINT "forecasts_days_positive" CHECK ("forecasts"."days" > 0)
);
--> statement-breakpoint
CREATE INDEX "event_log_type_idx" ON "event_log" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "order_facts_customer_idx" ON "order_facts" USING btree ("customer_id","paid_at");--> statement-breakpoint
CREATE INDEX "order_facts_placed_idx" ON "order_facts" USING btree ("placed_at");--> statement-breakpoint
CREATE INDEX "order_lines_product_idx" ON "order_lines" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "order_refunds_order_idx" ON "order_refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "sales_daily_seller_idx" ON "sales_daily" USING btree ("seller_id","day");--> statement-breakpoint
CREATE INDEX "sales_daily_product_idx" ON "sales_daily" USING btree ("product_id","day");--> statement-breakpoint
CREATE INDEX "sales_ledger_at_idx" ON "sales_ledger" USING btree ("at");--> statement-breakpoint
CREATE INDEX "sales_ledger_product_idx" ON "sales_ledger" USING btree ("product_id","at");--> statement-breakpoint
CREATE INDEX "stock_history_product_idx" ON "stock_history" USING btree ("product_id","at");--> statement-breakpoint
CREATE INDEX "forecast_runs_started_idx" ON "forecast_runs" USING btree ("started_at" DESC NULLS LAST);