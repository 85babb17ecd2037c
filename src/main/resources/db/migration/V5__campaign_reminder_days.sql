-- How many days before a due date the reminder goes out, chosen on the campaign's start form;
-- NULL: the default of application.yaml (self-training.reminders.days-before).
ALTER TABLE campaign ADD COLUMN reminder_days_before INTEGER;
