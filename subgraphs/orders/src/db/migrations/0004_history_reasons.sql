-- advanceOrder now records why (SHIPPED, DELIVERED); changes it made before then get that reason too.
UPDATE "order_status_history" SET "reason" = "to_status"::text WHERE "reason" IS NULL AND "to_status" IN ('SHIPPED', 'DELIVERED');
