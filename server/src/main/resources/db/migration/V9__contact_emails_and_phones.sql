-- Every e-mail address and phone number of a contact, with its kind (WORK, HOME, MOBILE, FAX, OTHER)
-- and which one is preferred. contact.email stays as the primary e-mail (the API's "email"), kept
-- equal to the preferred row here; contact.phone moves into contact_phone. Portable SQL.

create table contact_email (
    contact_id bigint       not null references contact (id) on delete cascade,
    position   integer      not null,
    email      varchar(320) not null,
    kind       varchar(10)  not null,
    preferred  boolean      not null,
    primary key (contact_id, position)
);

create table contact_phone (
    contact_id bigint      not null references contact (id) on delete cascade,
    position   integer     not null,
    phone      varchar(60) not null,
    kind       varchar(10) not null,
    preferred  boolean     not null,
    primary key (contact_id, position)
);

-- Nothing is lost: the one e-mail and the one phone each contact had become its first, preferred entries.
-- Their kind was never recorded, so it is OTHER.
insert into contact_email (contact_id, position, email, kind, preferred)
select id, 0, email, 'OTHER', true from contact where email is not null;

insert into contact_phone (contact_id, position, phone, kind, preferred)
select id, 0, phone, 'OTHER', true from contact where phone is not null;

alter table contact drop column phone;

-- Import report: rows or cards that were not imported at all (the per-line messages say why).
alter table contact_import add column skipped integer default 0 not null;
