package io.databridge.testdb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real PostgreSQL of {@link TestDatabase}, in a schema of its own that is created
 * before the first test and dropped after the last. Test methods, constructors and lifecycle methods may declare
 * parameters of type {@link javax.sql.DataSource} (a small pool whose connections use the class's schema) and
 * {@link TestSchema}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresSchemaExtension.class)
public @interface PostgresTest {}
