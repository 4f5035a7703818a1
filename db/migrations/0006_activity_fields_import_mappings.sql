CREATE TABLE `import_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`signature` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_org_signature_idx` ON `import_mappings` (`organization_id`,`signature`);--> statement-breakpoint
ALTER TABLE `activities` ADD `ongoing_text` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `indicator` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `resources` text;