-- PostgreSQL version of db/migration/h2/V5__idempotency_keys.sql: the same schema; only the SQL H2 alone accepts differs.
-- Answers to requests made with an Idempotency-Key header, replayed when the same request is sent again
-- (README "Idempotency"). scope is a SHA-256 (hex) of method, path, query and the credential header, so a key
-- only ever replays to the same request by the same caller. Rows older than a day are removed.
create table idempotency_record (
    scope        varchar(64)  not null,
    idem_key     varchar(64)  not null,
    status       int          not null,
    media_type   varchar(100),
    body         text,
    completed    boolean      not null,
    created_at   timestamp    not null,
    constraint pk_idempotency_record primary key (scope, idem_key)
);
create index ix_idempotency_created on idempotency_record (created_at);

-- A venue may be 200 user-visible characters; one such character can take up to several UTF-16 units.
alter table talk alter column venue set data type varchar(1000);
