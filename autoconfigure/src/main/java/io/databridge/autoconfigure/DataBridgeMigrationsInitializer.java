package io.databridge.autoconfigure;

import io.databridge.migration.Migrations;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pending migrations when the context starts, before the beans that use the database (the {@code
 * DataBridge}, repositories, {@code JdbcTemplate}, JPA) are created. A failing migration stops startup.
 */
public class DataBridgeMigrationsInitializer implements InitializingBean {

    private final Migrations migrations;

    /**
     * Creates the initializer.
     *
     * @param migrations the migrations to apply
     */
    public DataBridgeMigrationsInitializer(Migrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.migrate();
    }

    /**
     * The migrations this initializer applies.
     *
     * @return the migrations
     */
    public Migrations getMigrations() {
        return migrations;
    }
}
