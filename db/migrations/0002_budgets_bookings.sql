CREATE TABLE `booking_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`local_date` text NOT NULL,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`day_type` text NOT NULL,
	`rate_pence` integer NOT NULL,
	`cost_pence` integer NOT NULL,
	`minimum_applied` integer NOT NULL,
	`period_index` integer NOT NULL,
	`budget_pence` integer NOT NULL,
	`top_up_pence` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `booking_visits_booking_idx` ON `booking_visits` (`booking_id`);--> statement-breakpoint
CREATE INDEX `booking_visits_due_idx` ON `booking_visits` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`holder_user_id` text NOT NULL,
	`service_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`status` text NOT NULL,
	`pattern` text NOT NULL,
	`total_pence` integer NOT NULL,
	`budget_pence` integer NOT NULL,
	`top_up_pence` integer NOT NULL,
	`payment_due_by` integer,
	`decline_reason` text,
	`responded_at` integer,
	`responded_by_user_id` text,
	`cancelled_by_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`holder_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bookings_holder_idx` ON `bookings` (`holder_user_id`);--> statement-breakpoint
CREATE INDEX `bookings_provider_idx` ON `bookings` (`provider_id`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_service_idx` ON `bookings` (`service_id`);--> statement-breakpoint
CREATE INDEX `bookings_due_idx` ON `bookings` (`status`,`payment_due_by`);--> statement-breakpoint
CREATE TABLE `budget_accounts` (
	`holder_user_id` text PRIMARY KEY NOT NULL,
	`period_length` text DEFAULT 'four_weekly' NOT NULL,
	`first_period_start` text NOT NULL,
	`allocation_pence` integer NOT NULL,
	`money_management` text NOT NULL,
	`isf_provider_id` text,
	`carry_over_percent` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_user_id` text,
	FOREIGN KEY (`holder_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`isf_provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`holder_user_id` text NOT NULL,
	`kind` text NOT NULL,
	`account` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`period_index` integer,
	`booking_id` text,
	`payment_id` text,
	`note` text,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`holder_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_holder_period_idx` ON `ledger_entries` (`holder_user_id`,`period_index`);--> statement-breakpoint
CREATE INDEX `ledger_booking_idx` ON `ledger_entries` (`booking_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`holder_user_id` text NOT NULL,
	`gateway` text NOT NULL,
	`checkout_session_id` text,
	`payment_intent_id` text,
	`amount_pence` integer NOT NULL,
	`refunded_pence` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`paid_at` integer,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_session_unique` ON `payments` (`checkout_session_id`);--> statement-breakpoint
CREATE INDEX `payments_booking_idx` ON `payments` (`booking_id`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
