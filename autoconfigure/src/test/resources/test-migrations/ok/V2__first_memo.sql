INSERT INTO memo VALUES (1, 'migrated');
