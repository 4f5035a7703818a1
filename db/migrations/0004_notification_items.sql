CREATE TABLE `notification_items` (
	`key` text PRIMARY KEY NOT NULL,
	`notification_id` integer NOT NULL,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_items_notification_idx` ON `notification_items` (`notification_id`);--> statement-breakpoint
INSERT INTO `notification_items` (`key`, `notification_id`) SELECT `key`, `id` FROM `notifications`;