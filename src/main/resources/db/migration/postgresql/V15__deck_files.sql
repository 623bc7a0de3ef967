-- The deck editor (README "The deck editor"): an uploaded PDF's own bytes, kept so that the deck can be downloaded
-- again (the PDF and its manifest in one zip), named by their SHA-256 so that the same PDF is stored once.
-- PostgreSQL version of db/migration/h2/V15__deck_files.sql: bytea instead of blob.
create table deck_file (
    hash       varchar(64) primary key,
    media_type varchar(64) not null,
    bytes      bytea       not null
);

alter table deck add column file_hash varchar(64) references deck_file (hash);
