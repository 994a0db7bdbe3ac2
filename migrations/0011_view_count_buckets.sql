CREATE TABLE `conversation_counts` (
	`channel_id` text NOT NULL,
	`team_id` text NOT NULL,
	`assignee_id` text NOT NULL,
	`status` text NOT NULL,
	`priority` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`channel_id`, `team_id`, `assignee_id`, `status`, `priority`)
);
--> statement-breakpoint
DROP INDEX `conversations_assignee_idx`;--> statement-breakpoint
DROP INDEX `conversations_team_idx`;--> statement-breakpoint
DROP INDEX `conversations_count_assignee_idx`;--> statement-breakpoint
DROP INDEX `conversations_count_status_idx`;--> statement-breakpoint
DROP INDEX `conversations_count_team_idx`;--> statement-breakpoint
CREATE INDEX `conversations_assignee_list_idx` ON `conversations` (`assignee_id`,`status`,`last_message_at`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_team_list_idx` ON `conversations` (`team_id`,`status`,`last_message_at`,`id`);--> statement-breakpoint
INSERT INTO `conversation_counts` (`channel_id`, `team_id`, `assignee_id`, `status`, `priority`, `n`)
SELECT `channel_id`, coalesce(`team_id`, ''), coalesce(`assignee_id`, ''), `status`, `priority`, count(*)
FROM `conversations` GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE TRIGGER `conversation_counts_insert` AFTER INSERT ON `conversations` BEGIN
  INSERT INTO `conversation_counts` (`channel_id`, `team_id`, `assignee_id`, `status`, `priority`, `n`)
  VALUES (new.`channel_id`, coalesce(new.`team_id`, ''), coalesce(new.`assignee_id`, ''), new.`status`, new.`priority`, 1)
  ON CONFLICT (`channel_id`, `team_id`, `assignee_id`, `status`, `priority`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `conversation_counts_delete` AFTER DELETE ON `conversations` BEGIN
  UPDATE `conversation_counts` SET `n` = `n` - 1
  WHERE `channel_id` = old.`channel_id` AND `team_id` = coalesce(old.`team_id`, '') AND `assignee_id` = coalesce(old.`assignee_id`, '')
    AND `status` = old.`status` AND `priority` = old.`priority`;
END;--> statement-breakpoint
CREATE TRIGGER `conversation_counts_update` AFTER UPDATE OF `channel_id`, `team_id`, `assignee_id`, `status`, `priority` ON `conversations`
WHEN old.`channel_id` IS NOT new.`channel_id` OR old.`team_id` IS NOT new.`team_id` OR old.`assignee_id` IS NOT new.`assignee_id`
  OR old.`status` IS NOT new.`status` OR old.`priority` IS NOT new.`priority`
BEGIN
  UPDATE `conversation_counts` SET `n` = `n` - 1
  WHERE `channel_id` = old.`channel_id` AND `team_id` = coalesce(old.`team_id`, '') AND `assignee_id` = coalesce(old.`assignee_id`, '')
    AND `status` = old.`status` AND `priority` = old.`priority`;
  INSERT INTO `conversation_counts` (`channel_id`, `team_id`, `assignee_id`, `status`, `priority`, `n`)
  VALUES (new.`channel_id`, coalesce(new.`team_id`, ''), coalesce(new.`assignee_id`, ''), new.`status`, new.`priority`, 1)
  ON CONFLICT (`channel_id`, `team_id`, `assignee_id`, `status`, `priority`) DO UPDATE SET `n` = `n` + 1;
END;
