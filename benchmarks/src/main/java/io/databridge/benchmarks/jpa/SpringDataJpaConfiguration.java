package io.databridge.benchmarks.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;

/** The minimal Spring Data JPA / Hibernate setup without Spring Boot, with Boot's defaults where it sets any. */
@Configuration
@EnableJpaRepositories(basePackageClasses = SpringDataJpaConfiguration.class)
public class SpringDataJpaConfiguration {

    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
        return entityManagerFactory(dataSource, SpringDataJpaConfiguration.class.getPackageName());
    }

    /** The factory of the entities in {@code entityPackage} (and below), with the settings every JPA peer shares. */
    public static LocalContainerEntityManagerFactoryBean entityManagerFactory(
            DataSource dataSource, String entityPackage) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan(entityPackage);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(Map.of(
                "hibernate.hbm2ddl.auto", "none",
                // Batches what Hibernate can batch (not IDENTITY inserts: it needs each id back).
                "hibernate.jdbc.batch_size", "50",
                "hibernate.order_inserts", "true",
                "hibernate.show_sql", "false"));
        return factory;
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
