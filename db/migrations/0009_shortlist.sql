CREATE TABLE `shortlist_items` (
	`id` text PRIMARY KEY NOT NULL,
	`holder_user_id` text NOT NULL,
	`service_id` text NOT NULL,
	`service_title` text NOT NULL,
	`provider_name` text NOT NULL,
	`added_by_user_id` text,
	`added_by_label` text NOT NULL,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`holder_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shortlist_items_holder_service_unique` ON `shortlist_items` (`holder_user_id`,`service_id`);--> statement-breakpoint
CREATE INDEX `shortlist_items_holder_idx` ON `shortlist_items` (`holder_user_id`,`added_at`);