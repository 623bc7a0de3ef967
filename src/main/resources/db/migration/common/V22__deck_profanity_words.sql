-- A deck's own words for the profanity filter (front matter profanity-words and profanity-allow), one per line.
alter table talk add column profanity_words varchar(50000);
alter table talk add column profanity_allow varchar(50000);
