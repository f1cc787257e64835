ALTER TABLE `class_sets` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `class_sets` ADD `max_attempts` integer;--> statement-breakpoint
ALTER TABLE `classes` ADD `archived_at` integer;