package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

@PostgresTest
class UserCodecRoundTripTest {

    record Money(BigDecimal amount) {}

    enum MoneyCodec implements TypeCodec<Money> {
        INSTANCE;

        @Override
        public String sqlType() {
            return "numeric(19, 4)";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Money value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.NUMERIC);
            } else {
                statement.setBigDecimal(index, value.amount());
            }
        }

        @Override
        public @Nullable Money read(ResultSet rows, int index) throws SQLException {
            BigDecimal amount = rows.getBigDecimal(index);
            return amount == null ? null : new Money(amount);
        }
    }

    private final RoundTrip roundTrip;

    UserCodecRoundTripTest(DataSource dataSource) {
        this.roundTrip = new RoundTrip(dataSource);
    }

    @Test
    void aRegisteredCodecStoresItsUserType() throws SQLException {
        TypeCodecs codecs =
                TypeCodecs.builder().register(Money.class, MoneyCodec.INSTANCE).build();
        @SuppressWarnings("unchecked")
        TypeCodec<Money> codec = (TypeCodec<Money>) codecs.resolve(ValueType.of(Money.class));

        assertThat(roundTrip.store(codec, new Money(new BigDecimal("12.3400"))))
                .isEqualTo(new Money(new BigDecimal("12.3400")));
    }
}
