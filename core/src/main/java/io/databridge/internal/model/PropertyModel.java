package io.databridge.internal.model;

import io.databridge.mapping.EntityMappingException;
import io.databridge.types.TypeCodec;
import io.databridge.types.ValueType;
import java.lang.invoke.MethodHandle;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One persistent property of an entity: its column, its codec, its role (id, version, timestamps) and fast accessors.
 * Immutable and thread-safe.
 */
public final class PropertyModel {

    /** The role a property plays in generated SQL. */
    public enum Role {
        /** An ordinary column. */
        PLAIN,
        /** The primary key. */
        ID,
        /** The optimistic-locking version. */
        VERSION,
        /** Set on insert by the database. */
        CREATED_AT,
        /** Set on insert and update by the database. */
        UPDATED_AT
    }

    private final String entityName;
    private final String name;
    private final int index;
    private final String columnName;
    private final String quotedColumn;
    private final ValueType valueType;
    private final TypeCodec<Object> codec;
    private final Role role;
    private final boolean generated;
    private final boolean nullable;
    private final boolean unique;
    private final boolean insertable;
    private final boolean updatable;
    private final int length;
    private final int precision;
    private final int scale;
    private final MethodHandle getter;
    private final @Nullable MethodHandle setter;

    PropertyModel(
            String entityName,
            String name,
            int index,
            String columnName,
            String quotedColumn,
            ValueType valueType,
            TypeCodec<Object> codec,
            Role role,
            boolean generated,
            boolean nullable,
            boolean unique,
            boolean insertable,
            boolean updatable,
            int length,
            int precision,
            int scale,
            MethodHandle getter,
            @Nullable MethodHandle setter) {
        this.entityName = entityName;
        this.name = name;
        this.index = index;
        this.columnName = columnName;
        this.quotedColumn = quotedColumn;
        this.valueType = valueType;
        this.codec = codec;
        this.role = role;
        this.generated = generated;
        this.nullable = nullable;
        this.unique = unique;
        this.insertable = insertable;
        this.updatable = updatable;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.getter = getter;
        this.setter = setter;
    }

    /**
     * The Java property name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The entity class name and property name, for messages: {@code com.example.User.email}. Never a column name, so it
     * is safe in sanitized messages.
     *
     * @return the qualified property name
     */
    public String qualifiedName() {
        return entityName + "." + name;
    }

    /**
     * The position of this property in {@link EntityModel#properties()} (and in a record's canonical constructor).
     *
     * @return the 0-based index
     */
    public int index() {
        return index;
    }

    /**
     * The unquoted column name.
     *
     * @return the column name
     */
    public String columnName() {
        return columnName;
    }

    /**
     * The validated, double-quoted column name, ready for SQL text.
     *
     * @return the quoted column name
     */
    public String quotedColumn() {
        return quotedColumn;
    }

    /**
     * The Java type and mapping hints.
     *
     * @return the value type
     */
    public ValueType valueType() {
        return valueType;
    }

    /**
     * The codec that binds and reads this property.
     *
     * @return the codec
     */
    public TypeCodec<Object> codec() {
        return codec;
    }

    /**
     * The role in generated SQL.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * Whether the database generates the value on insert ({@link GeneratedValue}).
     *
     * @return {@code true} for generated ids
     */
    public boolean generated() {
        return generated;
    }

    /**
     * Whether the column accepts {@code NULL}.
     *
     * @return {@code true} when nullable
     */
    public boolean nullable() {
        return nullable;
    }

    /**
     * Whether the column is unique.
     *
     * @return {@code true} when unique
     */
    public boolean unique() {
        return unique;
    }

    /**
     * Whether inserts write the column.
     *
     * @return {@code true} when inserts write it
     */
    public boolean insertable() {
        return insertable;
    }

    /**
     * Whether updates write the column.
     *
     * @return {@code true} when updates write it
     */
    public boolean updatable() {
        return updatable;
    }

    /**
     * The maximum string length, 0 when unbounded.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /**
     * The numeric precision, 0 when unconstrained.
     *
     * @return the precision
     */
    public int precision() {
        return precision;
    }

    /**
     * The numeric scale.
     *
     * @return the scale
     */
    public int scale() {
        return scale;
    }

    /**
     * Whether the Java type is primitive (so SQL {@code NULL} cannot be read into it).
     *
     * @return {@code true} for primitives
     */
    public boolean primitive() {
        return valueType.rawType().isPrimitive();
    }

    /**
     * Whether {@code value} means "not set" for this property: {@code null}, or {@code 0} for a primitive number (a
     * primitive cannot be null). The one rule for an unset id or version, so insert, save, delete and the bulk paths
     * agree on what a new entity is.
     *
     * @param value the property's value
     * @return whether it counts as unset
     */
    public boolean isUnset(@Nullable Object value) {
        return value == null || (primitive() && value instanceof Number number && number.longValue() == 0);
    }

    /**
     * The SQL an insert writes for a column the engine fills itself: {@code 0} for the version, the current time for
     * an automatic timestamp ({@code LOCALTIMESTAMP} for a {@code LocalDateTime}, else {@code CURRENT_TIMESTAMP}); the
     * same expression is the column's default in generated DDL.
     *
     * @return the expression
     * @throws IllegalStateException for an id or a plain property, whose value is bound
     */
    public String insertExpression() {
        return switch (role) {
            case VERSION -> "0";
            case CREATED_AT, UPDATED_AT ->
                valueType.rawType() == LocalDateTime.class ? "LOCALTIMESTAMP" : "CURRENT_TIMESTAMP";
            case ID, PLAIN -> throw new IllegalStateException(qualifiedName() + " is bound, not filled by the engine");
        };
    }

    /**
     * The SQL an update sets this column to when the engine fills it: the current time for {@code @UpdatedAt}.
     * (The version's increment refers to the column, and so is rendered where the table's name is known.)
     *
     * @return the expression
     * @throws IllegalStateException for any other property
     */
    public String updateExpression() {
        if (role != Role.UPDATED_AT) {
            throw new IllegalStateException(qualifiedName() + " is not filled by the engine on update");
        }
        return insertExpression();
    }

    /**
     * Reads this property from an entity.
     *
     * @param entity an instance of the entity
     * @return the value, boxed
     * @throws EntityMappingException when a record accessor throws
     */
    public @Nullable Object get(Object entity) {
        try {
            return (Object) getter.invokeExact(entity);
        } catch (RuntimeException | Error ex) {
            throw new EntityMappingException(
                    "Cannot read " + entityName + "." + name + ": its accessor threw " + ex, ex);
        } catch (Throwable ex) {
            throw new EntityMappingException("Cannot read " + entityName + "." + name + ": " + ex, ex);
        }
    }

    /**
     * Writes this property on a mutable entity (not records).
     *
     * @param entity an instance of the entity
     * @param value the value, boxed
     * @throws EntityMappingException when the entity is a record, or the value is {@code null} for a primitive
     */
    public void set(Object entity, @Nullable Object value) {
        MethodHandle handle = setter;
        if (handle == null) {
            throw new EntityMappingException(entityName + " is a record: " + name + " cannot be set, build a new one");
        }
        if (value == null && primitive()) {
            throw nullForPrimitive();
        }
        try {
            handle.invokeExact(entity, value);
        } catch (Throwable ex) {
            throw new EntityMappingException("Cannot set " + entityName + "." + name + ": " + ex, ex);
        }
    }

    /** The getter, {@code (Object entity)Object}. */
    MethodHandle getter() {
        return getter;
    }

    /** The setter, {@code (Object entity, Object value)void}; {@code null} for record components. */
    @Nullable
    MethodHandle setter() {
        return setter;
    }

    EntityMappingException nullForPrimitive() {
        return new EntityMappingException("Cannot map NULL to " + entityName + "." + name + " of primitive type "
                + valueType.rawType().getName() + ": use the wrapper type or make the column NOT NULL");
    }

    @Override
    public String toString() {
        return entityName + "." + name + " -> " + columnName;
    }
}
