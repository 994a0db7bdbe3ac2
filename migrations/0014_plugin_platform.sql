CREATE TABLE `event_cursors` (
	`consumer` text PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`conversation_id` text,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `event_log_time_idx` ON `event_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `plugin_kv` (
	`plugin_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`plugin_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `plugin_migrations` (
	`plugin_id` text NOT NULL,
	`name` text NOT NULL,
	`applied_at` integer NOT NULL,
	PRIMARY KEY(`plugin_id`, `name`)
);
--> statement-breakpoint
CREATE TABLE `plugins` (
	`id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`settings` text,
	`disabled_reason` text,
	`updated_at` integer NOT NULL
);
