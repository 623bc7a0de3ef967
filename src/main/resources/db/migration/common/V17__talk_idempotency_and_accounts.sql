-- Issue 21, item 10: the join code of the talk an idempotent request was about, so that deleting the talk deletes the
-- stored answer (it holds the response body). Rows stored before this migration have none; they expire within a day.
alter table idempotency_record add column talk_code varchar(8);
create index ix_idempotency_talk on idempotency_record (talk_code);

-- Issue 21, item 7: a login session is valid only while its account's session version is the one it was made with
-- (bumped by logging out, a password change and disabling); a disabled account cannot log in. Kept beside account,
-- one row per account (the account entity's secondary table); every existing account starts at version 0, enabled.
create table account_session (
    account_id      bigint  not null primary key references account (id) on delete cascade,
    session_version int     default 0 not null,
    disabled        boolean default false not null
);
insert into account_session (account_id) select id from account;
