ALTER TABLE "sales_ledger" ALTER COLUMN "customer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_ledger" ADD COLUMN "channel" text DEFAULT 'WEB' NOT NULL;