-- An admin suspends a member (X3): when, by whom and why, shown on the admin page and kept for the
-- record. The status column already says SUSPENDED; these say the rest.
alter table member add column suspended_at timestamp with time zone;
alter table member add column suspended_by bigint references member (id) on delete set null;
alter table member add column suspension_reason varchar(500);
