package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.JdbcExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * What every bulk statement shares: values encoded into one Java array per column (as each codec's bulk form says),
 * statements run per chunk of {@value #CHUNK_ROWS} rows, and each chunk's arrays bound as parameters. Stateless.
 */
final class BulkArrays {

    /** Rows per statement: bounds the size of one message and of the server's working set. */
    static final int CHUNK_ROWS = 5_000;

    private BulkArrays() {}

    /** The work of one chunk: binds rows {@code from} to {@code to} and runs the statement. */
    @FunctionalInterface
    interface ChunkWork {
        void run(PreparedStatement statement, int from, int to) throws SQLException;
    }

    /** Prepares {@code text} once and runs it per chunk of {@code rows} rows, under the transaction's timeout. */
    static void inChunks(JdbcExecutor executor, Connection connection, String text, int rows, ChunkWork work)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            DataSourceUtils.applyTransactionTimeout(statement, executor.dataSource());
            for (int from = 0; from < rows; from += CHUNK_ROWS) {
                work.run(statement, from, Math.min(rows, from + CHUNK_ROWS));
            }
        }
    }

    /**
     * Binds one array per column holding rows {@code from} to {@code to}, from parameter {@code index} on.
     *
     * @return the next parameter index
     */
    static int bindArrays(
            Connection connection,
            PreparedStatement statement,
            int index,
            List<BulkColumn> columns,
            Object[][] arrays,
            int from,
            int to)
            throws SQLException {
        int next = index;
        for (int c = 0; c < columns.size(); c++) {
            BulkColumn column = columns.get(c);
            statement.setArray(
                    next++, connection.createArrayOf(column.elementType(), chunk(column, arrays[c], from, to)));
        }
        return next;
    }

    static Object[] chunk(BulkColumn column, Object[] all, int from, int to) {
        if (from == 0 && to == all.length) {
            return all;
        }
        Object[] chunk = column.newArray(to - from);
        System.arraycopy(all, from, chunk, 0, to - from);
        return chunk;
    }

    /**
     * One Java array per column, each value encoded as its codec's bulk form says.
     *
     * @return the arrays, or {@code null} when a codec has no bulk form (the caller writes row by row)
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when a codec refuses a value
     */
    static Object @Nullable [][] encode(List<BulkColumn> columns, List<@Nullable Object[]> values) {
        Object[][] arrays = new Object[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            BulkColumn column = columns.get(c);
            if (!column.supported()) {
                return null;
            }
            int at = column.index();
            Object[] array = column.newArray(values.size());
            for (int r = 0; r < array.length; r++) {
                array[r] = column.encode(values.get(r)[at]);
            }
            arrays[c] = array;
        }
        return arrays;
    }
}
