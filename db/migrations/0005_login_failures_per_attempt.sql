-- The old per-address counters are not carried over (drizzle-kit's copy of them named columns the old table lacks): they were throttling state of at most 15 minutes.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`client` text NOT NULL,
	`failed_at` integer NOT NULL
);
--> statement-breakpoint
DROP TABLE `login_failures`;--> statement-breakpoint
ALTER TABLE `__new_login_failures` RENAME TO `login_failures`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `login_failures_email_idx` ON `login_failures` (`email`,`failed_at`);--> statement-breakpoint
CREATE INDEX `login_failures_client_idx` ON `login_failures` (`client`,`failed_at`);--> statement-breakpoint
CREATE INDEX `login_failures_time_idx` ON `login_failures` (`failed_at`);