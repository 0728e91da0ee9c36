CREATE TABLE `accreditation_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`decided_by_user_id` text,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accreditation_decisions_provider_idx` ON `accreditation_decisions` (`provider_id`);--> statement-breakpoint
CREATE TABLE `localities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `provider_areas` (
	`provider_id` text NOT NULL,
	`locality_id` text NOT NULL,
	PRIMARY KEY(`provider_id`, `locality_id`),
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_areas` (
	`service_id` text NOT NULL,
	`locality_id` text NOT NULL,
	PRIMARY KEY(`service_id`, `locality_id`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_areas_locality_idx` ON `service_areas` (`locality_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`outcomes` text NOT NULL,
	`status` text DEFAULT 'live' NOT NULL,
	`days` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`bank_holidays` integer DEFAULT false NOT NULL,
	`rate_unit` text NOT NULL,
	`pricing` text NOT NULL,
	`weekday_rate_pence` integer NOT NULL,
	`weekend_rate_pence` integer NOT NULL,
	`bank_holiday_rate_pence` integer,
	`minimum_charge_pence` integer,
	`price_published` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `services_provider_idx` ON `services` (`provider_id`);--> statement-breakpoint
CREATE INDEX `services_status_idx` ON `services` (`status`);--> statement-breakpoint
ALTER TABLE `providers` ADD `short_description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `providers` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `providers` ADD `contact_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `providers` ADD `contact_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `providers` ADD `cqc_registration_number` text;--> statement-breakpoint
ALTER TABLE `providers` ADD `cqc_rating` text DEFAULT 'not_yet_rated' NOT NULL;--> statement-breakpoint
ALTER TABLE `providers` ADD `cqc_inspected_on` text;--> statement-breakpoint
ALTER TABLE `providers` ADD `logo_file` text;