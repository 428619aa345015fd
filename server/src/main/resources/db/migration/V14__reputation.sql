-- What the computation found besides trust (T1, T2): decayed confirmed giving and its percentile (generosity),
-- and the share of the member's trust that came straight from vetted members or admins.
alter table trust_score add column generosity double precision default 0 not null;
alter table trust_score add column generosity_percentile double precision default 0 not null;
alter table trust_score add column vetted_share double precision default 0 not null;

-- The members whose trust flows most into a member's (the people who confirmed their favors), the largest
-- few per member, each with its share of the member's trust: the explanation reads them, never computes them.
-- No foreign keys: every run rewrites the table (three million rows for a million members, where checking two
-- keys per row doubled the time), and a deleted member's rows hold nothing but ids until the next run, which
-- drops them; the explanation names only members that still exist.
create table trust_contributor (
    member_id  bigint           not null,
    truster_id bigint           not null,
    share      double precision not null,
    primary key (member_id, truster_id)
);
