-- A member's favors of one direction newest first, on either side, read from an index that stops at the
-- limit: what the match index reads of each giver (their latest 50 confirmed favor kinds). By (member,
-- occurred_on) alone, a giver with 2,300 favors had every one of them read and sorted, and by (member, id)
-- every favor they had received was read to find none they had given: 4.5 ms, against 0.2 ms with the
-- direction in the index (EXPLAIN ANALYZE, generic plan, on the million-member database).
create index exchange_recorder_newest on exchange (recorder_id, direction, id);
create index exchange_counterpart_newest on exchange (counterpart_id, direction, id);
