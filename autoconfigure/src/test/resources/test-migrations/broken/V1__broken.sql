CREATE TABLE memo (id bigint PRIMARY KEY);
SELECT * FROM no_such_table;
