ALTER TABLE `activities` ADD `archived_with` text;--> statement-breakpoint
ALTER TABLE `areas` ADD `archived` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `areas` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `measures` ADD `archived` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `measures` ADD `archived_with` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `version` integer DEFAULT 1 NOT NULL;