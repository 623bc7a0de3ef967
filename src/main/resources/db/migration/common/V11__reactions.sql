-- Reactions (👍 ❤️ 😂 👏 🤔): the deck's 'reactions' front matter, and the counts per slide kept for the report.
alter table talk add column reactions_enabled boolean default true not null;

-- One row per talk, slide and kind of reaction; the server adds its counts in batches (reaction/ReactionService).
create table slide_reaction (
    talk_id  bigint      not null references talk (id) on delete cascade,
    position int         not null,
    reaction varchar(16) not null,
    count    bigint      not null,
    primary key (talk_id, position, reaction)
);
