CREATE TABLE memo (id bigint PRIMARY KEY, text text NOT NULL);
