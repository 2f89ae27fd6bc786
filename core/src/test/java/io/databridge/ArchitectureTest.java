package io.databridge;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering of core, as docs/architecture.md states it: every package (the root {@code io.databridge} included)
 * depends only on the packages its row allows, the packages form no cycle, and the public packages export only the
 * types users touch.
 */
class ArchitectureTest {

    private static final String ROOT = "io.databridge";

    /** The package of data-bridge-mapping-rules, a module of its own that core depends on (not a package of core). */
    private static final String RULES = "io.databridge.internal.rules";

    /** Core's own classes only: in a reactor build the processor's and the rules' classes are directories too. */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .withImportOption(location -> location.asURI().toString().startsWith(coreClasses()))
            .importPackages(ROOT);

    /** Each package of core and the other core packages it may depend on (docs/architecture.md, same table). */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("io.databridge.internal.sql", List.of(RULES)),
            Map.entry("io.databridge.internal.migration", List.of()),
            Map.entry("io.databridge.error", List.of()),
            Map.entry("io.databridge.observation", List.of()),
            Map.entry("io.databridge.audit", List.of("io.databridge.error")),
            Map.entry(
                    "io.databridge.transaction",
                    List.of("io.databridge.audit", "io.databridge.error", "io.databridge.internal.jdbc")),
            Map.entry("io.databridge.types", List.of("io.databridge.internal.sql")),
            Map.entry("io.databridge.mapping", List.of("io.databridge.types", RULES)),
            Map.entry(
                    "io.databridge.internal.model",
                    List.of("io.databridge.mapping", "io.databridge.types", "io.databridge.internal.sql", RULES)),
            Map.entry(
                    "io.databridge.internal.jdbc",
                    List.of(
                            "io.databridge.internal.model",
                            "io.databridge.mapping",
                            "io.databridge.types",
                            "io.databridge.error",
                            "io.databridge.observation",
                            "io.databridge.audit")),
            Map.entry(
                    "io.databridge.internal.relation",
                    List.of(
                            "io.databridge.internal.jdbc",
                            "io.databridge.internal.model",
                            "io.databridge.internal.sql",
                            "io.databridge.mapping",
                            "io.databridge.types")),
            Map.entry(
                    "io.databridge.internal.bulk",
                    List.of(
                            "io.databridge.internal.jdbc",
                            "io.databridge.internal.model",
                            "io.databridge.types",
                            "io.databridge.error")),
            Map.entry(
                    "io.databridge.internal.schema",
                    List.of(
                            "io.databridge.internal.jdbc",
                            "io.databridge.internal.migration",
                            "io.databridge.internal.model",
                            "io.databridge.internal.relation",
                            "io.databridge.internal.sql",
                            "io.databridge.mapping",
                            "io.databridge.types")),
            Map.entry(
                    "io.databridge.query",
                    List.of(
                            "io.databridge.internal.jdbc",
                            "io.databridge.internal.model",
                            "io.databridge.internal.sql",
                            "io.databridge.mapping",
                            "io.databridge.types")),
            Map.entry(
                    "io.databridge.migration",
                    List.of(
                            "io.databridge.internal.jdbc",
                            "io.databridge.internal.migration",
                            "io.databridge.error",
                            "io.databridge.audit",
                            "io.databridge.observation")),
            Map.entry(
                    ROOT,
                    List.of(
                            "io.databridge.internal.bulk",
                            "io.databridge.internal.jdbc",
                            "io.databridge.internal.model",
                            "io.databridge.internal.relation",
                            "io.databridge.internal.schema",
                            "io.databridge.internal.sql",
                            "io.databridge.query",
                            "io.databridge.transaction",
                            "io.databridge.audit",
                            "io.databridge.mapping",
                            "io.databridge.types",
                            "io.databridge.error",
                            "io.databridge.observation")),
            Map.entry(
                    "io.databridge.repository",
                    List.of(
                            ROOT,
                            "io.databridge.internal.model",
                            "io.databridge.internal.relation",
                            "io.databridge.internal.sql",
                            "io.databridge.query",
                            "io.databridge.mapping",
                            "io.databridge.types")));

    /**
     * The public top-level types of each public package: what users touch. A new public type is a promise; add it
     * here (and to the docs) on purpose, or put it under {@code internal}.
     */
    private static final Map<String, Set<String>> PUBLIC_TYPES = Map.of(
            ROOT,
            Set.of("DataBridge", "SchemaOperations", "SqlQuery"),
            "io.databridge.mapping",
            Set.of(
                    "Column",
                    "CreatedAt",
                    "Distributed",
                    "Embedded",
                    "EntityMappingException",
                    "Enumerated",
                    "FetchStrategy",
                    "GeneratedValue",
                    "Id",
                    "Index",
                    "JoinColumn",
                    "JoinTable",
                    "Json",
                    "Loading",
                    "ManyToMany",
                    "ManyToOne",
                    "NamingStrategy",
                    "OneToMany",
                    "OneToOne",
                    "OrderBy",
                    "Table",
                    "Transient",
                    "UpdatedAt",
                    "Version"),
            "io.databridge.types",
            Set.of(
                    "BulkForm",
                    "EnumLabel",
                    "EnumLabels",
                    "EnumType",
                    "JacksonJsonCodecFactory",
                    "JsonCodecFactory",
                    "TsVector",
                    "TypeCodec",
                    "TypeCodecs",
                    "ValueType"),
            "io.databridge.error",
            Set.of("CommitOutcomeUnknownException", "HasErrorId", "PgExceptionTranslator", "RetryableFailures"),
            "io.databridge.audit",
            Set.of("AuditTrail"),
            "io.databridge.transaction",
            Set.of(
                    "DataBridgeTransactionManager",
                    "ReadYourWrites",
                    "ReplicaRoutingDataSource",
                    "ReplicaRoutingTransactionManager",
                    "ReplicaStatus",
                    "RetryableTransaction",
                    "TransactionRetryListener",
                    "TransactionRetryTemplate"),
            "io.databridge.observation",
            Set.of(
                    "DefaultStatementObservationConvention",
                    "NPlusOneListener",
                    "StatementObservationContext",
                    "StatementObservationConvention"),
            "io.databridge.migration",
            Set.of("MigrationException", "MigrationInfo", "MigrationState", "MigrationVersion", "Migrations"),
            "io.databridge.repository",
            Set.of(
                    "Fetch",
                    "Modifying",
                    "Param",
                    "PgRepository",
                    "PgRepositoryFactory",
                    "Query",
                    "RepositoryDefinitionException"),
            // QueryFactory is the one exception: the engine's entry into the DSL. Its constructor takes the internal
            // QueryExecutor, and it must live here to reach the package-private query classes.
            "io.databridge.query",
            Set.of(
                    "CaseExpression",
                    "Column",
                    "Condition",
                    "Cte",
                    "DatePart",
                    "DerivedColumn",
                    "DerivedTable",
                    "FunctionTable",
                    "EntityAlias",
                    "Expression",
                    "Expressions",
                    "FrameBound",
                    "FunctionCall",
                    "InsertQuery",
                    "QueryFactory",
                    "QueryTable",
                    "Relation",
                    "ResultQuery",
                    "SelectQuery",
                    "SortOrder",
                    "SqlStatement",
                    "ToMany",
                    "ToOne",
                    "Tuple",
                    "UpdateQuery",
                    "Window"));

    private static String coreClasses() {
        try {
            return DataBridge.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()
                    .toString();
        } catch (java.net.URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> packages =
                CORE.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    }

    @Test
    void everyPackageDependsOnlyOnThePackagesItsRowAllows() {
        ALLOWED.forEach((pkg, allowed) -> {
            String[] own = new String[allowed.size() + 1];
            own[0] = pkg;
            for (int i = 0; i < allowed.size(); i++) {
                own[i + 1] = allowed.get(i);
            }
            classes()
                    .that()
                    .resideInAPackage(pkg)
                    .should()
                    .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(own)))
                    .because("docs/architecture.md allows " + pkg + " to depend only on " + allowed)
                    .check(CORE);
        });
    }

    @Test
    void packagesHaveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        return SliceIdentifier.of(javaClass.getPackageName());
                    }

                    @Override
                    public String getDescription() {
                        return "every package of core, the root included";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(CORE);
    }

    @Test
    void coreNeverDependsOnSpringBoot() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.boot..")
                .check(CORE);
    }

    @Test
    void thePublicPackagesExportOnlyWhatUsersTouch() {
        Map<String, Set<String>> exported = new TreeMap<>();
        for (JavaClass type : CORE) {
            if (PUBLIC_TYPES.containsKey(type.getPackageName())
                    && type.isTopLevelClass()
                    && type.getModifiers().contains(JavaModifier.PUBLIC)) {
                exported.computeIfAbsent(type.getPackageName(), key -> new TreeSet<>())
                        .add(type.getSimpleName());
            }
        }

        assertThat(exported).isEqualTo(new TreeMap<>(PUBLIC_TYPES));
    }
}
