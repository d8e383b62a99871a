ALTER TABLE "orders" ADD COLUMN "shipping_address" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_method_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_cost_minor" bigint;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_shipping_all_or_none" CHECK (("orders"."shipping_address" is null) = ("orders"."shipping_method_id" is null) and ("orders"."shipping_method_id" is null) = ("orders"."shipping_cost_minor" is null));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_shipping_cost_not_negative" CHECK ("orders"."shipping_cost_minor" >= 0);