-- Issue 21, item 10: the join code of the talk an idempotent request was about, so that deleting the talk deletes the
-- stored answer (it holds the response body). Rows stored before this migration have none; they expire within a day.
alter table idempotency_record add column talk_code varchar(8);
create index ix_idempotency_talk on idempotency_record (talk_code);
