package io.databridge.benchmarks.aggregate.jpa;

import io.databridge.benchmarks.jpa.SpringDataJpaConfiguration;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The aggregate scenarios' Spring Data JPA / Hibernate 7 setup without Spring Boot, with the settings of the
 * single-table {@link SpringDataJpaConfiguration}; HHH000104 (paging a collection fetch in memory) is made an error,
 * so a query that would page in memory fails the setup instead of being measured.
 */
@Configuration
@EnableJpaRepositories(basePackageClasses = AggregateJpaConfiguration.class)
public class AggregateJpaConfiguration {

    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory = SpringDataJpaConfiguration.entityManagerFactory(
                dataSource, AggregateJpaConfiguration.class.getPackageName());
        factory.getJpaPropertyMap().put("hibernate.query.fail_on_pagination_over_collection_fetch", "true");
        return factory;
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
