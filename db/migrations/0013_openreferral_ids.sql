DROP INDEX `services_listing_order_idx`;--> statement-breakpoint
CREATE INDEX `services_listing_order_idx` ON `services` (`created_at`,`id`,`status`,`provider_id`);--> statement-breakpoint
ALTER TABLE `service_areas` ADD `open_referral_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `service_areas_open_referral_id_unique` ON `service_areas` (`open_referral_id`);