-- When phones show a poll's results (deck key `phone-results`, README "Decks"): after-vote (the participants who
-- voted in the current round), after-close (every phone once the poll is closed) or never. Set at every import.
alter table poll add column phone_results varchar(16) default 'after-vote' not null;
