CREATE TABLE `realtime_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`conversation_id` text NOT NULL,
	`message_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `realtime_events_time_idx` ON `realtime_events` (`created_at`);