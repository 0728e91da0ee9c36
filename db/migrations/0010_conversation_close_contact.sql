DROP INDEX `conversations_holder_idx`;--> statement-breakpoint
DROP INDEX `conversations_provider_idx`;--> statement-breakpoint
ALTER TABLE `conversations` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `closed_by_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `conversations` ADD `holder_shares_contact_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `provider_shares_contact_at` integer;--> statement-breakpoint
CREATE INDEX `conversations_holder_idx` ON `conversations` (`holder_user_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_provider_idx` ON `conversations` (`provider_id`,`last_message_at`);