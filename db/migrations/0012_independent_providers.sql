CREATE TABLE `independent_profiles` (
	`provider_id` text PRIMARY KEY NOT NULL,
	`travel_miles` integer,
	`skills` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`experience_years` integer,
	`interests` text DEFAULT '' NOT NULL,
	`what_we_do` text DEFAULT '' NOT NULL,
	`who_runs_it` text DEFAULT '' NOT NULL,
	`worker_count` integer,
	`first_name` text DEFAULT '' NOT NULL,
	`surname` text DEFAULT '' NOT NULL,
	`home_address` text DEFAULT '' NOT NULL,
	`home_postcode` text DEFAULT '' NOT NULL,
	`date_of_birth` text,
	`private_phone` text DEFAULT '' NOT NULL,
	`private_email` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `provider_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`certificate_date` text,
	`expires_on` text,
	`on_update_service` integer DEFAULT false NOT NULL,
	`dbs_certificate_number` text DEFAULT '' NOT NULL,
	`declared_at` integer NOT NULL,
	`verified_on` text,
	`verified_by_user_id` text,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `provider_checks_provider_idx` ON `provider_checks` (`provider_id`);