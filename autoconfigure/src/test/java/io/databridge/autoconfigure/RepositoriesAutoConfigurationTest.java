package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.autoconfigure.repos.Item;
import io.databridge.autoconfigure.repos.broken.BrokenItemRepository;
import io.databridge.autoconfigure.repos.derived.DerivedItemRepository;
import io.databridge.autoconfigure.repos.derivedbroken.UnsupportedReturnItemRepository;
import io.databridge.autoconfigure.repos.good.ItemRepository;
import io.databridge.autoconfigure.repos.misspelled.MisspelledItemRepository;
import io.databridge.repository.RepositoryDefinitionException;
import io.databridge.repository.config.EnableDataBridgeRepositories;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;

class RepositoriesAutoConfigurationTest {

    @Test
    void repositoriesInTheApplicationsPackagesBecomeBeans() {
        Runners.withTestDatabase().withUserConfiguration(GoodPackage.class).run(context -> {
            assertThat(context).hasSingleBean(ItemRepository.class);
            assertThat(context.getBean(ItemRepository.class).toString())
                    .isEqualTo("ItemRepository (data-bridge repository of Item)");
        });
    }

    @Test
    void enableDataBridgeRepositoriesOverridesThePackages() {
        Runners.withTestDatabase()
                .withUserConfiguration(BrokenPackageButExplicitScan.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ItemRepository.class);
                    assertThat(context).doesNotHaveBean(BrokenItemRepository.class);
                });
    }

    @Test
    void noRepositoriesWithoutDataBridge() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        DataBridgeDataSourceAutoConfiguration.class,
                        DataBridgeAutoConfiguration.class,
                        DataBridgeRepositoriesAutoConfiguration.class))
                .withPropertyValues("data-bridge.embedded.enabled=false")
                .withUserConfiguration(GoodPackage.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ItemRepository.class));
    }

    @Test
    void unsupportedReturnTypeStopsStartupWithTheMethodAndAHint() {
        Runners.withTestDatabase().withUserConfiguration(BrokenPackage.class).run(context -> {
            FailureAnalysis analysis =
                    StartupFailureAnalysisTest.analyze(context, new RepositoryDefinitionFailureAnalyzer());
            assertThat(analysis.getDescription())
                    .isEqualTo("data-bridge cannot implement a repository method: BrokenItemRepository.raw(): return"
                            + " type java.util.Map<java.lang.String, java.lang.Object> is not supported (return an"
                            + " entity, a record, an interface projection, or a scalar with a codec, or an Optional,"
                            + " List, Stream, Page or Slice of one)");
            assertThat(analysis.getAction())
                    .isEqualTo("Change " + BrokenItemRepository.class.getName()
                            + ".raw as the hint in parentheses says, or remove the method.");
        });
    }

    @Test
    void unsupportedPropertyTypeIsExplainedWithTheCustomizerToDeclare() {
        Runners.withTestDatabase()
                .withUserConfiguration(UnsupportedTypePackage.class)
                .run(context -> {
                    FailureAnalysis analysis =
                            StartupFailureAnalysisTest.analyze(context, new EntityMappingFailureAnalyzer());
                    assertThat(analysis.getDescription())
                            .isEqualTo("data-bridge cannot map an entity: Cannot map "
                                    + io.databridge.autoconfigure.repos.unsupported.Link.class.getName()
                                    + ".target: unsupported type java.net.URI: register a TypeCodec for it with"
                                    + " TypeCodecs.builder().register(URI.class, codec), or mark the property @Json");
                    assertThat(analysis.getAction())
                            .isEqualTo(
                                    "Register a TypeCodec for java.net.URI with a DataBridgeBuilderCustomizer bean:\n\n"
                                            + "    @Bean\n"
                                            + "    DataBridgeBuilderCustomizer uriCodec() {\n"
                                            + "        return builder -> builder.codecs(TypeCodecs.builder().register(URI.class, new"
                                            + " URICodec()).build());\n"
                                            + "    }\n\n"
                                            + "or mark the property @Json to store it as jsonb (docs/entities.md, \"Your own types\").");
                });
    }

    @Test
    void derivedQueriesRunOnTheQueryDsl() {
        Runners.withTestDatabase().withUserConfiguration(DerivedPackage.class).run(context -> {
            assertThat(context).hasNotFailed();
            DataBridge db = context.getBean(DataBridge.class);
            db.sql("CREATE TABLE IF NOT EXISTS items (id bigserial PRIMARY KEY, name text)")
                    .update();
            db.sql("TRUNCATE items").update();
            DerivedItemRepository items = context.getBean(DerivedItemRepository.class);
            items.insert(new Item(null, "apple"));
            items.insert(new Item(null, "apricot"));
            items.insert(new Item(null, "banana"));
            assertThat(items.findByName("banana")).isPresent();
            assertThat(items.findByNameStartingWithOrderByNameDesc("ap"))
                    .extracting(Item::name)
                    .containsExactly("apricot", "apple");
            assertThat(items.countByNameIn(List.of("apple", "banana", "cherry")))
                    .isEqualTo(2);
            assertThat(items.existsByNameIgnoreCase("APPLE")).isTrue();
            assertThat(items.deleteByName("apple")).isEqualTo(1);
            assertThat(items.count()).isEqualTo(2);
        });
    }

    @Test
    void misspelledPropertyOfADerivedQueryStopsStartupWithASuggestion() {
        Runners.withTestDatabase()
                .withUserConfiguration(MisspelledPackage.class)
                .run(context -> {
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(RepositoryDefinitionException.class);
                    FailureAnalysis analysis =
                            StartupFailureAnalysisTest.analyze(context, new RepositoryDefinitionFailureAnalyzer());
                    assertThat(analysis.getDescription())
                            .isEqualTo("data-bridge cannot implement a repository method:"
                                    + " MisspelledItemRepository.findByNmae(String): Item has no property 'nmae' (did you"
                                    + " mean 'name'?)");
                    assertThat(analysis.getAction())
                            .isEqualTo("Change " + MisspelledItemRepository.class.getName()
                                    + ".findByNmae as the hint in parentheses says, or remove the method.");
                });
    }

    @Test
    void unsupportedReturnTypeOfADerivedQueryStopsStartup() {
        Runners.withTestDatabase()
                .withUserConfiguration(DerivedBrokenPackage.class)
                .run(context -> {
                    FailureAnalysis analysis =
                            StartupFailureAnalysisTest.analyze(context, new RepositoryDefinitionFailureAnalyzer());
                    assertThat(analysis.getDescription())
                            .isEqualTo("data-bridge cannot implement a repository method:"
                                    + " UnsupportedReturnItemRepository.findByName(String): return type"
                                    + " java.util.Map<java.lang.String, java.lang.Object> is not supported (return Item or a"
                                    + " record or interface projection of it, or an Optional, List, Stream, Page or"
                                    + " Slice of one)");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = io.databridge.autoconfigure.repos.unsupported.LinkRepository.class)
    static class UnsupportedTypePackage {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = ItemRepository.class)
    static class GoodPackage {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = BrokenItemRepository.class)
    static class BrokenPackage {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = DerivedItemRepository.class)
    static class DerivedPackage {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = MisspelledItemRepository.class)
    static class MisspelledPackage {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = UnsupportedReturnItemRepository.class)
    static class DerivedBrokenPackage {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = BrokenItemRepository.class)
    @EnableDataBridgeRepositories(basePackageClasses = ItemRepository.class)
    static class BrokenPackageButExplicitScan {}
}
