CREATE TABLE tickets (id bigserial PRIMARY KEY, title text NOT NULL, priority integer NOT NULL, version bigint NOT NULL);
