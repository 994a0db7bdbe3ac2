ALTER TABLE `users` ADD `last_assigned_at` integer;
--> statement-breakpoint
UPDATE `users` SET `last_assigned_at` = (SELECT max(`created_at`) FROM `conversation_events` WHERE `kind` = 'assigned' AND json_extract(`details`, '$.assigneeId') = `users`.`id`);
