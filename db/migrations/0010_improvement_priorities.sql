CREATE TABLE `improvement_links` (
	`item_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`item_id`, `measure_id`),
	FOREIGN KEY (`item_id`) REFERENCES `assessment_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `improvement_links_measure_idx` ON `improvement_links` (`measure_id`);--> statement-breakpoint
CREATE TABLE `improvement_priorities` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`impact` integer,
	`feasibility` integer,
	`gap_decision` text,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `assessment_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
