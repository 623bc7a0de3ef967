-- The deck editor (README "The deck editor"): an uploaded PDF's own bytes, kept so that the deck can be downloaded
-- again (the PDF and its manifest in one zip), named by their SHA-256 so that the same PDF is stored once.
-- PostgreSQL has its own copy of this script (bytea instead of blob).
create table deck_file (
    hash       varchar(64) primary key,
    media_type varchar(64) not null,
    bytes      blob        not null
);

alter table deck add column file_hash varchar(64) references deck_file (hash);
