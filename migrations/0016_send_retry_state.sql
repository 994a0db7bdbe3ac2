ALTER TABLE `messages` ADD `send_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `send_retry_reason` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `send_retry_at` integer;