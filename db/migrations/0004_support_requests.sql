CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`service_id` text NOT NULL,
	`status` text DEFAULT 'live' NOT NULL,
	`unit` text NOT NULL,
	`weekday_pence` integer NOT NULL,
	`weekend_pence` integer NOT NULL,
	`bank_holiday_pence` integer,
	`minimum_charge_pence` integer,
	`own_rate_card` integer DEFAULT false NOT NULL,
	`start_date` text NOT NULL,
	`weekly_pence` integer NOT NULL,
	`total_pence` integer NOT NULL,
	`how_meet` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`sent_by_user_id` text NOT NULL,
	`sent_at` integer NOT NULL,
	`revised_at` integer,
	`withdrawn_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_request_provider_unique` ON `quotes` (`request_id`,`provider_id`);--> statement-breakpoint
CREATE INDEX `quotes_provider_idx` ON `quotes` (`provider_id`);--> statement-breakpoint
CREATE TABLE `support_request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_user_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `support_request_events_request_idx` ON `support_request_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `support_request_matches` (
	`request_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`matched_at` integer NOT NULL,
	`declined_at` integer,
	`decline_reason` text,
	`first_quoted_at` integer,
	PRIMARY KEY(`request_id`, `provider_id`),
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `support_request_matches_provider_idx` ON `support_request_matches` (`provider_id`,`matched_at`);--> statement-breakpoint
CREATE TABLE `support_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`holder_user_id` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`closed_reason` text,
	`category` text NOT NULL,
	`outcomes` text NOT NULL,
	`area` text NOT NULL,
	`age_band` text,
	`pattern` text NOT NULL,
	`weekly_amount_pence` integer,
	`what_matters` text NOT NULL,
	`closing_date` text NOT NULL,
	`weekend_cover` integer DEFAULT false NOT NULL,
	`same_carer` integer DEFAULT false NOT NULL,
	`language` text,
	`carer_gender` text DEFAULT 'no_preference' NOT NULL,
	`published_at` integer,
	`closed_at` integer,
	`chosen_quote_id` text,
	`booking_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`holder_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_requests_reference_unique` ON `support_requests` (`reference`);--> statement-breakpoint
CREATE INDEX `support_requests_holder_idx` ON `support_requests` (`holder_user_id`);--> statement-breakpoint
CREATE INDEX `support_requests_open_idx` ON `support_requests` (`status`,`closing_date`);