CREATE INDEX `conversations_waiting_idx` ON `conversations` (`status`, coalesce(`waiting_since`, 9007199254740991), `id`);
