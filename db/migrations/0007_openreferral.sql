CREATE INDEX `services_updated_idx` ON `services` (`updated_at`);--> statement-breakpoint
CREATE INDEX `services_listing_order_idx` ON `services` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `services_status_provider_idx` ON `services` (`status`,`provider_id`);