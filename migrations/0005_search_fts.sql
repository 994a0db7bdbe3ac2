-- Full-text search (FTS5, external content: the text lives only in messages/contacts).
-- unicode61 with remove_diacritics 2 folds case and accents ("informacion" finds "Información").
-- Triggers keep the indexes in step; UPDATE triggers fire only when indexed columns change, so
-- delivery-status updates of messages cost nothing here.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(content, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ai` AFTER INSERT ON `messages` BEGIN
  INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ad` AFTER DELETE ON `messages` BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_au` AFTER UPDATE OF `content` ON `messages` BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
  INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
END;
--> statement-breakpoint
INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(name, phone, notes, content='contacts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO contacts_fts(rowid, name, phone, notes) VALUES (new.rowid, new.name, new.phone, new.notes);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ad` AFTER DELETE ON `contacts` BEGIN
  INSERT INTO contacts_fts(contacts_fts, rowid, name, phone, notes) VALUES ('delete', old.rowid, old.name, old.phone, old.notes);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_au` AFTER UPDATE OF `name`, `phone`, `notes` ON `contacts` BEGIN
  INSERT INTO contacts_fts(contacts_fts, rowid, name, phone, notes) VALUES ('delete', old.rowid, old.name, old.phone, old.notes);
  INSERT INTO contacts_fts(rowid, name, phone, notes) VALUES (new.rowid, new.name, new.phone, new.notes);
END;
--> statement-breakpoint
INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');
