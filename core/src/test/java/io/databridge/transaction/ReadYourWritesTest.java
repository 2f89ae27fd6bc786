package io.databridge.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-your-writes position: PostgreSQL's LSN text form, only moving forward, and a clear message for a bad token. */
class ReadYourWritesTest {

    @AfterEach
    void clear() {
        ReadYourWrites.clear();
    }

    @Test
    void aTokenIsTheWalPositionInPostgresqlsTextForm() {
        ReadYourWrites.resume("16/B374D848");
        assertThat(ReadYourWrites.token()).isEqualTo("16/B374D848");
        assertThat(ReadYourWrites.position()).isEqualTo((0x16L << 32) | 0xB374D848L);
    }

    @Test
    void thePositionOnlyMovesForward() {
        ReadYourWrites.resume("0/3000148");
        ReadYourWrites.resume("0/2000000");
        assertThat(ReadYourWrites.token()).isEqualTo("0/3000148");
        ReadYourWrites.resume("1/0");
        assertThat(ReadYourWrites.token()).isEqualTo("1/0");
    }

    @Test
    void nothingCommittedMeansNoToken() {
        assertThat(ReadYourWrites.token()).isNull();
        ReadYourWrites.resume(null);
        assertThat(ReadYourWrites.token()).isNull();
    }

    @Test
    void aBadTokenFailsWithWhatIsExpected() {
        assertThatThrownBy(() -> ReadYourWrites.resume("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a read-your-writes token: expected a WAL position such as 0/3000148 from"
                        + " ReadYourWrites.token()");
    }
}
