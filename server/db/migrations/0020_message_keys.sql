-- 消息中心 entries in the reader's language (issue 14; docs/languages.md): what a message
-- says, as a catalogue key and its parameters (codes and data, never words), beside the
-- 简体 text written as before (staff read it; it is what an older row without a key shows).
-- The server renders title and body from the key in the caller's language
-- (server/message-center/message-catalogue.ts).
alter table messages add column text_key text;
alter table messages add column text_params jsonb;
