CREATE TABLE `cycle_steps` (
	`assessment_id` integer NOT NULL,
	`step` text NOT NULL,
	`done_on` text,
	`note` text,
	`evidence_url` text,
	`evidence_file` text,
	`evidence_file_name` text,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`assessment_id`, `step`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
