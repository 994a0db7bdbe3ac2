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
CREATE UNIQUE INDEX `csat_surveys_resolution_unique` ON `csat_surveys` (`conversation_id`,`resolved_at`);