DROP INDEX `services_listing_order_idx`;--> statement-breakpoint
CREATE INDEX `services_listing_order_idx` ON `services` (`created_at`,`id`,`status`,`provider_id`);