CREATE TABLE purchases (id bigserial PRIMARY KEY, item text NOT NULL);
