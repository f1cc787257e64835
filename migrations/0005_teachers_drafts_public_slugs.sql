-- Set slugs become unique per teacher; students reach a set by its public slug, unique everywhere.
DROP INDEX `question_sets_slug_unique`;--> statement-breakpoint
-- SQLite needs a default to add a NOT NULL column; every row is filled just below.
ALTER TABLE `question_sets` ADD `public_slug` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Existing sets keep their addresses: old links to /sets/<slug> go on working.
UPDATE `question_sets` SET `public_slug` = `slug`;--> statement-breakpoint
ALTER TABLE `question_sets` ADD `draft` text;--> statement-breakpoint
ALTER TABLE `question_sets` ADD `draft_import_notes` text;--> statement-breakpoint
ALTER TABLE `question_sets` ADD `draft_revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `question_sets` ADD `draft_updated_at` integer;--> statement-breakpoint
ALTER TABLE `question_sets` ADD `archived_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `question_sets_public_slug` ON `question_sets` (`public_slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `question_sets_owner_slug` ON `question_sets` (`owner_id`,`slug`);--> statement-breakpoint
-- A draft used to be an unpublished version row. It becomes the draft JSON (the question-set
-- shape, settings included), and the row goes: students never saw it, so nothing refers to it.
UPDATE `question_sets` SET
  `draft` = (
    SELECT json_patch(v.`settings`, json_object(
      'title', v.`title`,
      'summary', v.`summary`,
      'skills', json(v.`skills`),
      'sources', CASE WHEN v.`sources_required` THEN 'required' ELSE 'none' END,
      'documents', json(v.`document_ids`),
      'questions', (SELECT json_group_array(json(ordered.`content`)) FROM (SELECT `content` FROM `questions` WHERE `set_version_id` = v.`id` ORDER BY `position`) AS ordered)
    ))
    FROM `set_versions` v WHERE v.`id` = `question_sets`.`draft_version_id`
  ),
  `draft_import_notes` = (SELECT v.`import_notes` FROM `set_versions` v WHERE v.`id` = `question_sets`.`draft_version_id`),
  `draft_revision` = 1,
  `draft_updated_at` = (SELECT v.`created_at` FROM `set_versions` v WHERE v.`id` = `question_sets`.`draft_version_id`)
WHERE `draft_version_id` IS NOT NULL;--> statement-breakpoint
DELETE FROM `questions` WHERE `set_version_id` IN (SELECT `draft_version_id` FROM `question_sets`)
  AND `set_version_id` NOT IN (SELECT `set_version_id` FROM `attempts`)
  AND `set_version_id` NOT IN (SELECT `current_version_id` FROM `question_sets` WHERE `current_version_id` IS NOT NULL);--> statement-breakpoint
DELETE FROM `set_versions` WHERE `id` IN (SELECT `draft_version_id` FROM `question_sets`)
  AND `id` NOT IN (SELECT `set_version_id` FROM `attempts`)
  AND `id` NOT IN (SELECT `current_version_id` FROM `question_sets` WHERE `current_version_id` IS NOT NULL);--> statement-breakpoint
ALTER TABLE `question_sets` DROP COLUMN `draft_version_id`;--> statement-breakpoint
-- Document ids become unique per teacher (plus the built-in ones), so the table is rebuilt with
-- a public id as its key. No foreign key refers to documents; existing ids stay their public ids.
CREATE TABLE `__new_documents` (
	`public_id` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`outlet` text NOT NULL,
	`byline` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`url` text,
	`provenance` text NOT NULL,
	`body` text NOT NULL,
	`content_hash` text NOT NULL,
	`owner_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_documents`("public_id", "id", "label", "title", "outlet", "byline", "date", "kind", "url", "provenance", "body", "content_hash", "owner_id", "created_at") SELECT "id", "id", "label", "title", "outlet", "byline", "date", "kind", "url", "provenance", "body", "content_hash", "owner_id", "created_at" FROM `documents`;--> statement-breakpoint
DROP TABLE `documents`;--> statement-breakpoint
ALTER TABLE `__new_documents` RENAME TO `documents`;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_owner_id` ON `documents` (`owner_id`,`id`);
