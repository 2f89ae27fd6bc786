package io.databridge.internal.relation;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import io.databridge.mapping.FetchStrategy;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.Field;
import org.postgresql.core.Oid;
import org.postgresql.core.Tuple;
import org.postgresql.core.TypeInfo;

/**
 * Decodes what the JSON strategy selects into entities, through the same codecs as a column: each row's values are the
 * columns' PostgreSQL text forms ({@code col::text}), handed to the driver as a result set in text format with the
 * columns' type OIDs, and read by the target's own {@code EntityReader}. So timestamps, numerics, uuids, enums, jsonb,
 * arrays and codecs of your own read exactly as they do from a plain {@code SELECT}. Stateless, thread-safe.
 */
final class JsonDecoder {

    /** The relations of a plan a JSON row carries after its columns (all but select-in, which loads afterwards). */
    static List<Map.Entry<RelationProperty, FetchPlan>> embedded(FetchPlan plan) {
        List<Map.Entry<RelationProperty, FetchPlan>> embedded = new ArrayList<>();
        for (Map.Entry<RelationProperty, FetchPlan> entry : plan.children().entrySet()) {
            if (entry.getValue().strategy() != FetchStrategy.SELECT_IN) {
                embedded.add(entry);
            }
        }
        return embedded;
    }

    /**
     * The decoded targets of one relation for a list of owners: all targets flattened, each owner's children as
     * indexes into them, and the same for each relation the targets embed (their owners being these targets).
     */
    record Decoded(List<Object> rows, List<int[]> owners, List<Decoded> nested) {

        int[] childrenOf(int owner) {
            return owners.get(owner);
        }

        /** The same targets, for the owners {@code picked} only (in that order). */
        Decoded narrow(List<Integer> picked) {
            List<int[]> kept = new ArrayList<>(picked.size());
            for (int owner : picked) {
                kept.add(owners.get(owner));
            }
            return new Decoded(rows, kept, nested);
        }
    }

    /**
     * Decodes the parsed JSON values of a relation, one per owner (a list of rows for a to-many, one row or {@code null}
     * for a to-one), while {@code statement} is open.
     */
    Decoded decode(
            PreparedStatement statement,
            ResolvedRelation relation,
            FetchPlan plan,
            List<@Nullable Object> values,
            RelationResolver resolver)
            throws SQLException {
        boolean many = relation.property().collectionType() != null;
        List<List<?>> elements = new ArrayList<>();
        List<int[]> owners = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                owners.add(new int[0]);
                continue;
            }
            List<?> rows = many ? (List<?>) value : List.of(value);
            int[] indexes = new int[rows.size()];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = elements.size();
                elements.add((List<?>) rows.get(i));
            }
            owners.add(indexes);
        }
        EntityModel<?> target = relation.target();
        List<Object> rows = read(statement, target, elements);
        List<Decoded> nested = new ArrayList<>();
        int k = target.properties().size();
        for (Map.Entry<RelationProperty, FetchPlan> entry : embedded(plan)) {
            List<@Nullable Object> nestedValues = new ArrayList<>(elements.size());
            for (List<?> element : elements) {
                nestedValues.add(element.get(k));
            }
            nested.add(decode(
                    statement, resolver.resolve(target, entry.getKey()), entry.getValue(), nestedValues, resolver));
            k++;
        }
        return new Decoded(rows, owners, nested);
    }

    private static List<Object> read(PreparedStatement statement, EntityModel<?> target, List<List<?>> elements)
            throws SQLException {
        if (elements.isEmpty()) {
            return List.of();
        }
        BaseStatement driver = statement.unwrap(BaseStatement.class);
        TypeInfo types = ((BaseConnection) driver.getConnection()).getTypeInfo();
        List<PropertyModel> properties = target.properties();
        Field[] fields = new Field[properties.size()];
        boolean[] booleans = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            PropertyModel property = properties.get(i);
            int oid = oid(types, property.codec().sqlType());
            fields[i] = new Field(property.columnName(), oid);
            booleans[i] = oid == Oid.BOOL;
        }
        List<Tuple> tuples = new ArrayList<>(elements.size());
        for (List<?> element : elements) {
            byte[][] data = new byte[fields.length][];
            for (int i = 0; i < fields.length; i++) {
                Object value = element.get(i);
                String text = (String) value;
                if (text != null && booleans[i]) {
                    // boolean::text is 'true'/'false'; the type's output (what the driver parses) is 't'/'f'
                    text = text.equals("true") ? "t" : "f";
                }
                data[i] = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            }
            tuples.add(new Tuple(data));
        }
        List<Object> rows = new ArrayList<>(elements.size());
        try (ResultSet results = driver.createDriverResultSet(fields, tuples)) {
            while (results.next()) {
                rows.add(target.reader().read(results));
            }
        }
        return rows;
    }

    /** The type OID of a codec's SQL type, as the driver knows it (its own names, arrays as {@code _element}). */
    private static int oid(TypeInfo types, String sqlType) throws SQLException {
        String name = sqlType.trim().toLowerCase(Locale.ROOT);
        boolean array = name.endsWith("[]");
        if (array) {
            name = name.substring(0, name.length() - 2).trim();
        }
        int modifier = name.indexOf('(');
        if (modifier > 0) {
            name = name.substring(0, modifier).trim();
        }
        name = switch (name) {
            case "bigint" -> "int8";
            case "integer", "int" -> "int4";
            case "smallint" -> "int2";
            case "boolean" -> "bool";
            case "real" -> "float4";
            case "double precision" -> "float8";
            case "character varying" -> "varchar";
            case "timestamp with time zone" -> "timestamptz";
            case "timestamp without time zone" -> "timestamp";
            case "time without time zone" -> "time";
            case "decimal" -> "numeric";
            default -> name;
        };
        return types.getPGType(array ? "_" + name : sqlType.contains("\"") ? sqlType : name);
    }
}
