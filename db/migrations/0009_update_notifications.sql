ALTER TABLE `notifications` ADD `inbox` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `update_notify` text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `update_notify_in_app` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `update_notify_email` integer DEFAULT true NOT NULL;