-- status_updates.as_of: the day an update reports on, apart from when it was recorded (created_at).
-- SQLite cannot add a NOT NULL column without a default, so the table is rebuilt; existing
-- updates report on the day they were recorded, in Sofia (EET, UTC+2; EEST, UTC+3 from the last
-- Sunday of March to the last Sunday of October, 01:00 UTC both), as dateOfTimestampInSofia gives.
CREATE TABLE `__new_status_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`user_id` integer,
	`status` text NOT NULL,
	`percent` integer,
	`comment` text,
	`completed_on` text,
	`evidence_url` text,
	`evidence_file` text,
	`evidence_file_name` text,
	`as_of` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_status_updates` (`id`, `activity_id`, `user_id`, `status`, `percent`, `comment`, `completed_on`, `evidence_url`, `evidence_file`, `evidence_file_name`, `as_of`, `created_at`)
SELECT `id`, `activity_id`, `user_id`, `status`, `percent`, `comment`, `completed_on`, `evidence_url`, `evidence_file`, `evidence_file_name`,
  date(utc, CASE
    WHEN utc >= date(strftime('%Y', utc) || '-03-25', 'weekday 0') || ' 01:00:00'
     AND utc < date(strftime('%Y', utc) || '-10-25', 'weekday 0') || ' 01:00:00' THEN '+3 hours'
    ELSE '+2 hours' END),
  `created_at`
FROM (SELECT *, datetime(`created_at` / 1000, 'unixepoch') AS utc FROM `status_updates`);
--> statement-breakpoint
-- Ids of deleted updates are not given again.
UPDATE `sqlite_sequence` SET `seq` = (SELECT `seq` FROM `sqlite_sequence` WHERE `name` = 'status_updates')
WHERE `name` = '__new_status_updates' AND EXISTS (SELECT 1 FROM `sqlite_sequence` WHERE `name` = 'status_updates');
--> statement-breakpoint
DROP TABLE `status_updates`;
--> statement-breakpoint
ALTER TABLE `__new_status_updates` RENAME TO `status_updates`;
--> statement-breakpoint
CREATE INDEX `status_updates_activity_idx` ON `status_updates` (`activity_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `status_updates_latest_idx` ON `status_updates` (`activity_id`,`as_of`,`created_at`,`id`,`status`,`percent`,`completed_on`);
