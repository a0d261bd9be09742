-- Inbox rows carry the consumer's registered name, no longer its class name: rename the rows written before.
UPDATE inbox_messages SET consumer = 'agency-registered' WHERE consumer = 'AgencyRegisteredConsumer';
