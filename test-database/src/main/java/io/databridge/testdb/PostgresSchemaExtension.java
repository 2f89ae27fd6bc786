package io.databridge.testdb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit extension behind {@link PostgresTest}: creates the class's schema and pool before all tests, drops both
 * after, and resolves {@code DataSource}, {@link TestSchema} and {@link StatementRecorder} parameters (the recorder
 * wraps the class's pool and forgets what it recorded before each test). Register it through the annotation.
 */
public final class PostgresSchemaExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresSchemaExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        TestDatabase database = TestDatabase.get();
        String schema = schemaName(context.getRequiredTestClass());
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema \"" + schema + "\"");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setSchema(schema);
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + schema);
        config.addDataSourceProperty("currentSchema", schema);
        HikariDataSource pool = new HikariDataSource(config);
        context.getStore(NAMESPACE).put(TestSchema.class, new TestSchema(schema, pool));
        context.getStore(NAMESPACE).put(StatementRecorder.class, StatementRecorder.wrap(pool));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        recorder(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        TestSchema schema = context.getStore(NAMESPACE).remove(TestSchema.class, TestSchema.class);
        if (schema == null) {
            return;
        }
        ((HikariDataSource) schema.dataSource()).close();
        try (Connection connection = TestDatabase.get().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema.name() + "\" cascade");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DataSource.class || type == TestSchema.class || type == StatementRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == StatementRecorder.class) {
            return recorder(extensionContext);
        }
        TestSchema schema = find(extensionContext, TestSchema.class);
        return type == TestSchema.class ? schema : schema.dataSource();
    }

    private static StatementRecorder recorder(ExtensionContext context) {
        return find(context, StatementRecorder.class);
    }

    private static <T> T find(ExtensionContext context, Class<T> type) {
        for (ExtensionContext current = context;
                current != null;
                current = current.getParent().orElse(null)) {
            T found = current.getStore(NAMESPACE).get(type, type);
            if (found != null) {
                return found;
            }
        }
        throw new ParameterResolutionException("No test schema: annotate the test class with @PostgresTest");
    }

    private static String schemaName(Class<?> testClass) {
        String base = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return "t_" + base + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }
}
