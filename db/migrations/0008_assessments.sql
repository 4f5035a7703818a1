CREATE TABLE `assessment_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sheet_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `assessment_sheets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assessment_items_sheet_idx` ON `assessment_items` (`sheet_id`,`kind`,`position`);--> statement-breakpoint
CREATE TABLE `assessment_members` (
	`assessment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`assessment_id`, `user_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assessment_members_user_idx` ON `assessment_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `assessment_sheets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`caf_code` text NOT NULL,
	`user_id` integer,
	`score` integer,
	`score_plan` integer,
	`score_do` integer,
	`score_check` integer,
	`score_act` integer,
	`score_trends` integer,
	`score_targets` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`caf_code`) REFERENCES `caf_criteria`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_sheets_member_idx` ON `assessment_sheets` (`assessment_id`,`user_id`,`caf_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_sheets_consensus_idx` ON `assessment_sheets` (`assessment_id`,`caf_code`) WHERE "assessment_sheets"."user_id" is null;--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`period` text NOT NULL,
	`scoring_system` text NOT NULL,
	`stage` text DEFAULT 'draft' NOT NULL,
	`created_by` integer,
	`approved_by` integer,
	`approved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assessments_created_idx` ON `assessments` (`created_at`);