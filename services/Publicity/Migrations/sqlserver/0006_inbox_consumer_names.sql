-- The inbox de-duplicates by the consumer's registered name, no longer by its class name: existing rows follow.
UPDATE dbo.inbox_messages SET consumer = N'review-completed' WHERE consumer = N'ReviewCompletedConsumer';
