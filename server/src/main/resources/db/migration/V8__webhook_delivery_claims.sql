-- Webhook deliveries are claimed row by row (FOR UPDATE SKIP LOCKED), so several instances on one
-- database never send the same delivery twice. A claimed delivery is SENDING until lease_until; when
-- the lease runs out (the instance that held it stopped) the delivery is due again.
alter table webhook_delivery add column lease_until timestamp with time zone;
create index webhook_delivery_lease on webhook_delivery (state, lease_until);
