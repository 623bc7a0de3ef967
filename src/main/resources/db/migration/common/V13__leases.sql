-- Leases on work that one instance at a time may do (platform/Leases): the retention job, the start-up seed import.
-- A row is made the first time a lease is taken. Times are the database's clock in epoch milliseconds, so instances in
-- other time zones agree.
create table lease (
    name       varchar(64)  not null primary key,
    holder     varchar(200),
    expires_ms bigint       not null
);
