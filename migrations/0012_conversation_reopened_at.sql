ALTER TABLE `conversations` ADD `reopened_at` integer;--> statement-breakpoint
UPDATE `conversations` SET `reopened_at` = (
  SELECT max(e.`created_at`) FROM `conversation_events` e
  WHERE e.`conversation_id` = `conversations`.`id`
    AND (e.`kind` = 'reopened' OR (e.`kind` = 'status' AND json_extract(e.`details`, '$.from') = 'resolved' AND json_extract(e.`details`, '$.to') <> 'resolved'))
);
