ALTER TABLE `attempts` ADD `scored_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `score` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `mode` text DEFAULT 'practice' NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `question_order` text;--> statement-breakpoint
ALTER TABLE `attempts` ADD `option_orders` text;--> statement-breakpoint
ALTER TABLE `attempts` ADD `retry_of` text;--> statement-breakpoint
-- Older attempts keep file order (no stored order) and every item was scored.
UPDATE `attempts` SET `score` = `correct_count`, `scored_count` = `question_count`;--> statement-breakpoint
ALTER TABLE `documents` ADD `label` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Existing documents are labelled by their title until the library (or the teacher) gives a label.
UPDATE `documents` SET `label` = `title`;--> statement-breakpoint
-- SQLite needs a default to add a NOT NULL column; every row is filled from the old columns below.
ALTER TABLE `questions` ADD `content` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE `questions` SET `content` = json_object(
  'id', `key`, 'type', `type`, 'skill', `skill`, 'difficulty', `difficulty`, 'prompt', `prompt`,
  'passages', json(`passages`), 'options', json(`options`), 'answer', json(`answer`),
  'explanation', `explanation`, 'sources', json(`sources`), 'markup', 'text'
);--> statement-breakpoint
UPDATE `questions` SET `content` = json_set(`content`, '$.context', `context`) WHERE `context` IS NOT NULL;--> statement-breakpoint
UPDATE `questions` SET `content` = json_set(`content`, '$.shuffle', json('true')) WHERE `type` IN ('single', 'multiple');--> statement-breakpoint
ALTER TABLE `questions` DROP COLUMN `prompt`;--> statement-breakpoint
ALTER TABLE `questions` DROP COLUMN `context`;--> statement-breakpoint
ALTER TABLE `questions` DROP COLUMN `passages`;--> statement-breakpoint
ALTER TABLE `questions` DROP COLUMN `options`;--> statement-breakpoint
ALTER TABLE `questions` DROP COLUMN `answer`;--> statement-breakpoint
ALTER TABLE `questions` DROP COLUMN `explanation`;--> statement-breakpoint
ALTER TABLE `questions` DROP COLUMN `sources`;--> statement-breakpoint
ALTER TABLE `responses` ADD `score` real;--> statement-breakpoint
ALTER TABLE `responses` ADD `confidence` integer;--> statement-breakpoint
-- Every earlier question was scored all or nothing.
UPDATE `responses` SET `score` = `is_correct`;--> statement-breakpoint
ALTER TABLE `set_versions` ADD `settings` text DEFAULT '{"mode":"practice","shuffleQuestions":false,"confidence":false,"certaintyMarking":false}' NOT NULL;--> statement-breakpoint
ALTER TABLE `set_versions` DROP COLUMN `diagnostic`;