-- The inbox de-duplicates by the consumer's registered name, no longer by its class name: existing rows follow.
UPDATE inbox_messages SET consumer = 'review-completed' WHERE consumer = 'ReviewCompletedConsumer';
