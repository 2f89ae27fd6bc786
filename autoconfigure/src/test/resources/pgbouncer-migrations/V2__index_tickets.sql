CREATE INDEX tickets_priority ON tickets (priority);
