-- A member's favors newest first, on either side, read from an index that stops at the limit: what the
-- match index reads of each giver (their latest 50 confirmed favor kinds) and the ledger's pages. By
-- (member, occurred_on) alone, a giver with 2,300 favors had every one of them read and sorted: 3.6 ms
-- against 0.8 ms on the million-member database.
create index exchange_recorder_newest on exchange (recorder_id, id);
create index exchange_counterpart_newest on exchange (counterpart_id, id);
