package io.databridge.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Which URL, if any, the application configured: {@code spring.datasource.url} wins over data-bridge's own. */
final class DatabaseUrlConditions {

    static final String DATA_BRIDGE_URL = "data-bridge.datasource.url";
    static final String SPRING_URL = "spring.datasource.url";

    private DatabaseUrlConditions() {}

    private static boolean hasText(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }

    /** {@code data-bridge.datasource.url} is set and {@code spring.datasource.url} is not. */
    static final class OnDataBridgeUrl extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            if (!hasText(environment, DATA_BRIDGE_URL)) {
                return ConditionOutcome.noMatch(DATA_BRIDGE_URL + " is not set");
            }
            if (hasText(environment, SPRING_URL)) {
                return ConditionOutcome.noMatch(SPRING_URL + " is set and takes precedence over " + DATA_BRIDGE_URL);
            }
            return ConditionOutcome.match(DATA_BRIDGE_URL + " is set");
        }
    }

    /** Neither {@code data-bridge.datasource.url} nor {@code spring.datasource.url} is set. */
    static final class OnNoUrl extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            for (String property : new String[] {DATA_BRIDGE_URL, SPRING_URL}) {
                if (hasText(environment, property)) {
                    return ConditionOutcome.noMatch(property + " is set");
                }
            }
            return ConditionOutcome.match("neither " + DATA_BRIDGE_URL + " nor " + SPRING_URL + " is set");
        }
    }
}
