package io.databridge.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Records every statement the test's application context runs, so a test can assert how many statements a request,
 * a service call or a transaction ran: the application's {@code DataSource} is wrapped in a {@link
 * io.databridge.testdb.StatementRecorder}, which the test injects ({@code @Autowired StatementRecorder statements}).
 * What it recorded is forgotten before each test method runs (after its {@code @BeforeEach} methods), so {@code
 * statements.recorded()} holds what the test ran. {@link DataBridgeTest @DataBridgeTest} includes it; add it to a
 * {@code @SpringBootTest}:
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMockMvc
 * @AutoConfigureStatementRecorder
 * class OrderApiTest {
 *     @Autowired MockMvc mvc;
 *     @Autowired StatementRecorder statements;
 *
 *     @Test
 *     void readsAnOrderInFourStatements() {
 *         statements.assertThat(() -> mvc.perform(get("/orders/1"))).hasCount(4).hasNoRepeatedStatements();
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureStatementRecorder {}
