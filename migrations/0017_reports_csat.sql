CREATE TABLE `csat_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text,
	`enabled` integer DEFAULT false NOT NULL,
	`delay_minutes` integer DEFAULT 0 NOT NULL,
	`language` text DEFAULT 'es' NOT NULL,
	`template_name` text,
	`template_language` text,
	`cooldown_days` integer DEFAULT 30 NOT NULL,
	`low_score` integer DEFAULT 2 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `csat_settings_team_unique` ON `csat_settings` (`team_id`);--> statement-breakpoint
CREATE TABLE `csat_surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`team_id` text,
	`assignee_id` text,
	`resolved_at` integer NOT NULL,
	`via` text NOT NULL,
	`message_id` text,
	`status` text NOT NULL,
	`score` integer,
	`comment` text,
	`sent_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `csat_surveys_contact_idx` ON `csat_surveys` (`contact_id`,`sent_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `csat_surveys_resolution_unique` ON `csat_surveys` (`conversation_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `report_conversations` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`channel_id` text NOT NULL,
	`cur_team_id` text,
	`cur_assignee_id` text,
	`intent` text,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_conversations_created_idx` ON `report_conversations` (`created_at`,`channel_id`,`cur_team_id`,`cur_assignee_id`,`intent`);--> statement-breakpoint
CREATE TABLE `report_dirty` (
	`conversation_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_message_hours` (
	`conversation_id` text NOT NULL,
	`hour` integer NOT NULL,
	`direction` text NOT NULL,
	`sender_type` text NOT NULL,
	`sender_id` text DEFAULT '' NOT NULL,
	`n` integer NOT NULL,
	`channel_id` text NOT NULL,
	`cur_team_id` text,
	`cur_assignee_id` text,
	`intent` text,
	PRIMARY KEY(`conversation_id`, `hour`, `direction`, `sender_type`, `sender_id`),
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_message_hours_hour_idx` ON `report_message_hours` (`hour`,`direction`,`sender_type`,`sender_id`,`n`,`channel_id`,`cur_team_id`,`cur_assignee_id`,`intent`,`conversation_id`);--> statement-breakpoint
CREATE TABLE `report_points` (
	`conversation_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`ms` integer,
	`business_ms` integer,
	`agent_id` text,
	`team_id` text,
	`value` integer,
	`channel_id` text NOT NULL,
	`cur_team_id` text,
	`cur_assignee_id` text,
	`intent` text,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_points_at_idx` ON `report_points` (`at`,`kind`,`ms`,`business_ms`,`agent_id`,`team_id`,`value`,`channel_id`,`cur_team_id`,`cur_assignee_id`,`intent`,`conversation_id`);--> statement-breakpoint
CREATE INDEX `report_points_conversation_idx` ON `report_points` (`conversation_id`);--> statement-breakpoint
-- Hand-written: every change a report reads marks its conversation for a rollup refresh, in the
-- same transaction (src/db/schema/reports.ts). Existing conversations start marked.
INSERT INTO `report_dirty` (`conversation_id`) SELECT `id` FROM `conversations`;--> statement-breakpoint
CREATE TRIGGER `report_dirty_conversation_insert` AFTER INSERT ON `conversations` BEGIN
  INSERT OR IGNORE INTO `report_dirty` (`conversation_id`) VALUES (new.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `report_dirty_conversation_update` AFTER UPDATE OF `team_id`, `assignee_id`, `channel_id` ON `conversations` BEGIN
  INSERT OR IGNORE INTO `report_dirty` (`conversation_id`) VALUES (new.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `report_dirty_message_insert` AFTER INSERT ON `messages` BEGIN
  INSERT OR IGNORE INTO `report_dirty` (`conversation_id`) VALUES (new.`conversation_id`);
END;--> statement-breakpoint
CREATE TRIGGER `report_dirty_event_insert` AFTER INSERT ON `conversation_events` BEGIN
  INSERT OR IGNORE INTO `report_dirty` (`conversation_id`) VALUES (new.`conversation_id`);
END;
