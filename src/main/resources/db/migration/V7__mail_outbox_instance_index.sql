-- "Was this notice about this task already recorded?" is asked by every reminder job: without an
-- index it read the whole outbox (65 ms a job with 10,000 participants, growing with the campaign).
-- Also serves a participant's history (notices by process instance).
CREATE INDEX ix_mail_outbox_instance ON mail_outbox (process_instance_id, task_definition_key, kind);
