-- Private notes used to become the list's last message (preview, type and time). Since d1d0cb4 they
-- no longer do; conversations whose last message is still a note get their last customer-facing
-- message back (same preview rule as previewOf: the first 160 characters, or "[type]").
UPDATE `conversations` SET (`last_message_at`, `last_message_preview`, `last_message_type`) = (
  SELECT m.`sent_at`, CASE WHEN m.`content` = '' THEN '[' || m.`type` || ']' ELSE substr(m.`content`, 1, 160) END, m.`type`
  FROM `messages` m WHERE m.`conversation_id` = `conversations`.`id` AND m.`is_private` = 0
  ORDER BY m.`sent_at` DESC, m.`id` DESC LIMIT 1
)
WHERE EXISTS (SELECT 1 FROM `messages` p WHERE p.`conversation_id` = `conversations`.`id` AND p.`is_private` = 1 AND p.`sent_at` = `conversations`.`last_message_at`)
  AND NOT EXISTS (SELECT 1 FROM `messages` q WHERE q.`conversation_id` = `conversations`.`id` AND q.`is_private` = 0 AND q.`sent_at` >= `conversations`.`last_message_at`)
  AND EXISTS (SELECT 1 FROM `messages` r WHERE r.`conversation_id` = `conversations`.`id` AND r.`is_private` = 0);
