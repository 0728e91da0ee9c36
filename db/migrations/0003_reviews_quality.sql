CREATE TABLE `quality_signals` (
	`subject` text NOT NULL,
	`subject_id` text NOT NULL,
	`stars` real NOT NULL,
	`review_count` integer NOT NULL,
	`score` integer NOT NULL,
	`rebook_rate` real NOT NULL,
	`walk_away_rate` real NOT NULL,
	`detail` text NOT NULL,
	`explanation` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`subject`, `subject_id`)
);
--> statement-breakpoint
CREATE TABLE `review_helpful_marks` (
	`review_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` text NOT NULL,
	`reported_by_user_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_reports_open_idx` ON `review_reports` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`service_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`holder_user_id` text NOT NULL,
	`author_user_id` text NOT NULL,
	`written_by_family` integer NOT NULL,
	`overall` integer NOT NULL,
	`quality` integer NOT NULL,
	`reliability` integer NOT NULL,
	`communication` integer NOT NULL,
	`value` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'visible' NOT NULL,
	`hidden_reason` text,
	`hidden_by_user_id` text,
	`provider_reply` text,
	`provider_reply_at` integer,
	`provider_reply_by_user_id` text,
	`helpful_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_booking_author_unique` ON `reviews` (`booking_id`,`author_user_id`);--> statement-breakpoint
CREATE INDEX `reviews_service_idx` ON `reviews` (`service_id`,`status`);--> statement-breakpoint
CREATE INDEX `reviews_provider_idx` ON `reviews` (`provider_id`,`status`);