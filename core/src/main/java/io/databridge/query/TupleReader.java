package io.databridge.query;

import io.databridge.types.TypeCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads tuples by position, through one codec per column. {@link #reading(List)} gives the same reader for another
 * query of the same shape, whose tuples find values by that query's expressions. Immutable and thread-safe.
 */
final class TupleReader implements RowReader<Tuple> {
    private final TypeCodec<Object>[] codecs;
    private final String[] names;
    private final List<Expression<?>> expressions;

    TupleReader(TypeCodec<Object>[] codecs, String[] names, List<Expression<?>> expressions) {
        this.codecs = codecs;
        this.names = names;
        this.expressions = expressions;
    }

    List<Expression<?>> expressions() {
        return expressions;
    }

    TupleReader reading(List<Expression<?>> own) {
        return new TupleReader(codecs, names, own);
    }

    @Override
    public Tuple read(ResultSet rows) throws SQLException {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            values[i] = RowReader.read(codecs[i], rows, i + 1, names[i]);
        }
        return new Tuple(expressions, values);
    }
}
