-- Participants are kept by HMAC-SHA256(server key, talk and token) only (participant.ParticipantTokens), never the
-- cookie's token. Rows from before keep their raw token until the first start-up of this version re-hashes them
-- (participant.TokenRehash, under a lease); a raw token is 43 characters, a hash 64.
alter table participant rename column token to token_hash;
