ALTER TABLE `plans` ADD `status` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE `plans` ADD `approved_by_user_id` integer REFERENCES users(id) ON DELETE set null;