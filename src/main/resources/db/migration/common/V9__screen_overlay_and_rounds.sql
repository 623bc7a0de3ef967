-- The audience screen's state beside the current slide, kept on the server so that every screen and console shows
-- the same and a reload restores it (issue "The room and the speaker"):
--   screen_overlay         what covers the slides: 'join' (the join screen), 'qa' (the Q&A wall) or null (the slide)
--   spotlight_question_id  the Q&A question the speaker put on the screen, or null
alter table talk add column screen_overlay varchar(8);
alter table talk add column spotlight_question_id bigint;

-- Poll controls beside open/close/reveal:
--   concealed      the speaker hid the results of a poll whose results show live (R on the screen, "hide" in the console)
--   compare_round  an earlier round shown on the screen beside the current one, or null
alter table poll add column concealed boolean default false not null;
alter table poll add column compare_round int;
