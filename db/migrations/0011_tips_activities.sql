CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text,
	`created_by_user_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`day` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`area_id` text NOT NULL,
	`place` text NOT NULL,
	`cost_pence` integer NOT NULL,
	`joining` text NOT NULL,
	`accessibility` text DEFAULT '' NOT NULL,
	`link` text,
	`service_id` text,
	`status` text DEFAULT 'listed' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `activities_listing_idx` ON `activities` (`status`,`day`,`area_id`);--> statement-breakpoint
CREATE INDEX `activities_provider_idx` ON `activities` (`provider_id`);--> statement-breakpoint
CREATE TABLE `tip_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`tip_id` text NOT NULL,
	`author_user_id` text NOT NULL,
	`author_role` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'visible' NOT NULL,
	`hidden_reason` text,
	`hidden_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tip_replies_tip_idx` ON `tip_replies` (`tip_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `tip_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tip_id` text NOT NULL,
	`reply_id` text,
	`reported_by_user_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reply_id`) REFERENCES `tip_replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reported_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tip_reports_open_idx` ON `tip_reports` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `tip_votes` (
	`tip_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tip_id`, `user_id`),
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tips` (
	`id` text PRIMARY KEY NOT NULL,
	`author_user_id` text NOT NULL,
	`author_role` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`topic` text NOT NULL,
	`area_id` text,
	`status` text DEFAULT 'visible' NOT NULL,
	`hidden_reason` text,
	`hidden_by_user_id` text,
	`hidden_at` integer,
	`helpful_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tips_status_created_idx` ON `tips` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `tips_author_idx` ON `tips` (`author_user_id`);