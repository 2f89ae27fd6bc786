package io.databridge.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PgExceptionTranslatorSettingTest {

    @AfterEach
    void clearSystemProperty() {
        System.clearProperty(PgExceptionTranslator.SANITIZE_SYSTEM_PROPERTY);
    }

    @Test
    void sanitizesWhenNeitherPropertyNorVariableIsSet() {
        assertThat(PgExceptionTranslator.sanitizeSetting(null, null)).isTrue();
    }

    @Test
    void blankSettingsCountAsUnset() {
        assertThat(PgExceptionTranslator.sanitizeSetting(" ", "")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False", " false "})
    void falseInAnyCaseTurnsSanitizingOff(String value) {
        assertThat(PgExceptionTranslator.sanitizeSetting(null, value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True"})
    void trueInAnyCaseKeepsSanitizingOn(String value) {
        assertThat(PgExceptionTranslator.sanitizeSetting(null, value)).isTrue();
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        assertThat(PgExceptionTranslator.sanitizeSetting("true", "false")).isTrue();
        assertThat(PgExceptionTranslator.sanitizeSetting("false", "true")).isFalse();
    }

    @Test
    void otherEnvironmentValueIsRejectedNamingTheVariableAndTheAllowedValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PgExceptionTranslator.sanitizeSetting(null, "yes"))
                .withMessage("Environment variable DATA_BRIDGE_ERRORS_SANITIZE must be true or false (in any case)"
                        + " but was 'yes'; leave it unset to sanitize error messages");
    }

    @Test
    void otherSystemPropertyValueIsRejectedNamingThePropertyAndTheAllowedValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PgExceptionTranslator.sanitizeSetting("0", null))
                .withMessage("System property data-bridge.errors.sanitize must be true or false (in any case)"
                        + " but was '0'; leave it unset to sanitize error messages");
    }

    @Test
    void fromEnvironmentSanitizesByDefault() {
        String variable = System.getenv(PgExceptionTranslator.SANITIZE_ENVIRONMENT_VARIABLE);
        assumeTrue(variable == null || variable.isBlank(), "DATA_BRIDGE_ERRORS_SANITIZE is set in this environment");

        assertThat(PgExceptionTranslator.fromEnvironment().sanitizing()).isTrue();
    }

    @Test
    void fromEnvironmentReadsTheSystemProperty() {
        System.setProperty(PgExceptionTranslator.SANITIZE_SYSTEM_PROPERTY, "false");

        assertThat(PgExceptionTranslator.fromEnvironment().sanitizing()).isFalse();
    }
}
