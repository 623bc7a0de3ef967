-- The vote writer reads a batch's participants by token and their current votes by participant id, each as one
-- IN-list query (vote/BatchLookups). H2 looks an IN list up in an index only on the index's first column; with the
-- talk or poll in the condition it scanned every participant of the talk, or every vote of the round, and compared
-- each row with the whole list (README "Performance"). Votes already have an index on participant_id (the foreign
-- key's); tokens get one here.
create index ix_participant_token on participant (token);
