-- Integrity and abuse resistance (issue 10). Portable SQL for H2 (PostgreSQL mode) and PostgreSQL.

-- Secrets at rest: the calendar feed address and the digest's unsubscribe link are HMACs under the
-- server's key (outside the database); only their SHA-256 is stored, to find the member they open.
-- The plain-text columns go: a member gets a new feed address the next time they look at it.
alter table follow_up_setting drop column feed_secret;
alter table follow_up_setting drop column digest_token;
alter table follow_up_setting add column feed_hash varchar(64);
alter table follow_up_setting add column feed_generation integer default 0 not null;
alter table follow_up_setting add column digest_token_hash varchar(64);
create unique index follow_up_setting_feed on follow_up_setting (feed_hash);
create unique index follow_up_setting_digest on follow_up_setting (digest_token_hash);

-- Rate-limit token buckets (Bucket4j's PostgreSQL layout), shared by every instance on PostgreSQL.
-- On the embedded H2 database the buckets live in memory and this table stays empty.
create table rate_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);

-- Sign-in throttling (M1): failure counters with a growing back-off, per account and per address,
-- and the addresses an owner signed in from (the account's back-off does not apply there). Keys
-- and addresses are HMACs under the server key, never the e-mail or the address itself.
create table sign_in_throttle (
    throttle_key    varchar(100) primary key,
    failures        integer not null,
    next_allowed_at timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index sign_in_throttle_updated on sign_in_throttle (updated_at);

create table sign_in_known_address (
    member_id       bigint      not null references member (id) on delete cascade,
    address_hash    varchar(64) not null,
    last_success_at timestamp with time zone not null,
    primary key (member_id, address_hash)
);

-- Uniqueness by constraints, not by check-then-insert: at most one pending connection request
-- between two members (either direction), one waiting introduction per pair, and one active pledge
-- of a member per ask. The key columns hold a value only while the row is pending/active; several
-- NULLs never collide in a unique index, on H2 and on PostgreSQL alike.
alter table connection_request add column pending_pair varchar(41);
update connection_request set pending_pair = concat(least(from_id, to_id), ':', greatest(from_id, to_id))
    where status = 'PENDING';
create unique index connection_request_pending_pair on connection_request (pending_pair);

alter table introduction add column proposed_pair varchar(41);
update introduction set proposed_pair = concat(least(first_id, second_id), ':', greatest(first_id, second_id))
    where status = 'PROPOSED';
create unique index introduction_proposed_pair on introduction (proposed_pair);

alter table pledge add column active_key varchar(41);
update pledge set active_key = concat(ask_id, ':', helper_id) where status = 'PLEDGED';
create unique index pledge_active_key on pledge (active_key);

-- One row per member, locked (select ... for update) by writes limited per member while they count:
-- concurrent requests are then counted one after another. No foreign key, so that locking it never
-- waits on the key-share locks that inserts referencing the member take.
create table member_lock (
    member_id bigint primary key
);
