package io.databridge.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptNameTest {

    @Test
    void readsAVersionedScript() {
        assertThat(ScriptName.parse("V3__add_email_index.sql"))
                .isEqualTo(new ScriptName(false, "3", "add email index"));
    }

    @Test
    void readsAnUndoScriptWithAnUnderscoredVersion() {
        assertThat(ScriptName.parse("U2_1__drop_phone.sql")).isEqualTo(new ScriptName(true, "2_1", "drop phone"));
    }

    @Test
    void theDescriptionStartsAtTheFirstDoubleUnderscore() {
        assertThat(ScriptName.parse("V1_2_3__a__b.sql")).isEqualTo(new ScriptName(false, "1_2_3", "a  b"));
    }

    @Test
    void otherFilesAreNotScripts() {
        assertThat(ScriptName.parse("README.md")).isNull();
        assertThat(ScriptName.parse("v1__lower_case.sql")).isNull();
        assertThat(ScriptName.parse("V1_missing_separator.sql")).isNull();
    }

    @Test
    void theMajorVersionIsTheFirstNumber() {
        assertThat(new ScriptName(false, "7_1_2", "x").major()).isEqualTo(7);
        assertThat(new ScriptName(false, "12.3", "x").major()).isEqualTo(12);
        assertThat(new ScriptName(false, "abc", "x").major()).isEqualTo(-1);
    }
}
