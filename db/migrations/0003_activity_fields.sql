ALTER TABLE `activities` ADD `ongoing_text` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `indicator` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `resources` text;