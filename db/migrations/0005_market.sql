CREATE TABLE `quality_score_history` (
	`provider_id` text NOT NULL,
	`day` text NOT NULL,
	`score` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`provider_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `quality_score_history_day_idx` ON `quality_score_history` (`day`);--> statement-breakpoint
CREATE TABLE `search_counts` (
	`day` text NOT NULL,
	`area` text NOT NULL,
	`category` text NOT NULL,
	`outcome` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `area`, `category`, `outcome`)
);
