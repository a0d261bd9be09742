-- Inbox rows carry the consumer's registered name, no longer its class name: rename the rows written before.
UPDATE dbo.inbox_messages SET consumer = N'agency-registered' WHERE consumer = N'AgencyRegisteredConsumer';
