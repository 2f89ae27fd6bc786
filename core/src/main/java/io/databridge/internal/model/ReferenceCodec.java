package io.databridge.internal.model;

import io.databridge.types.BulkForm;
import io.databridge.types.TypeCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The codec of a to-one foreign-key column: the column holds the target's id, the property holds the target entity.
 * Binding writes the referenced entity's id; reading builds a <em>reference</em>, an instance of the target with only
 * its id set (the related row is loaded only when fetched). The target's model is looked up on first use, so two
 * entities may refer to each other. Thread-safe.
 */
final class ReferenceCodec implements TypeCodec<Object> {

    private final EntityModels models;
    private final Class<?> target;
    private final TypeCodec<Object> idCodec;
    private final String where;
    private volatile @Nullable EntityModel<?> targetModel;

    ReferenceCodec(EntityModels models, Class<?> target, TypeCodec<Object> idCodec, String where) {
        this.models = models;
        this.target = target;
        this.idCodec = idCodec;
        this.where = where;
    }

    private EntityModel<?> target() {
        EntityModel<?> model = targetModel;
        if (model == null) {
            model = models.get(target);
            targetModel = model;
        }
        return model;
    }

    @Override
    public String sqlType() {
        return idCodec.sqlType();
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        idCodec.bind(statement, index, idOf(value));
    }

    /**
     * The id a reference value stands for.
     *
     * @param value the referenced entity, or {@code null}
     * @return its id, or {@code null} for no reference
     */
    @Nullable
    Object idOf(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (!target.isInstance(value)) {
            if (JavaTypes.box(target().id().valueType().rawType()).isInstance(value)) {
                return value; // an id given directly, e.g. by a derived query findByOwnerId(Long)
            }
            throw new InvalidDataAccessApiUsageException(
                    where + " holds a " + value.getClass().getName() + " but refers to " + target.getName());
        }
        Object id = target().id().get(value);
        if (id == null) {
            throw new InvalidDataAccessApiUsageException(
                    where + " refers to a " + target.getSimpleName() + " that has no id yet; save the "
                            + target.getSimpleName() + " first (references are not cascaded)");
        }
        return id;
    }

    /**
     * Whether two instances of the target stand for the same row (equal, non-null ids).
     *
     * @param held the instance an entity holds
     * @param read the reference read back
     * @return {@code true} when both have the same id
     */
    boolean sameRow(Object held, Object read) {
        if (held == read) {
            return true;
        }
        if (!target.isInstance(held) || !target.isInstance(read)) {
            return false;
        }
        Object id = target().id().get(held);
        return id != null && id.equals(target().id().get(read));
    }

    /** Travels as the target's id does: each reference encoded as its id, in the id codec's bulk form. */
    @Override
    public @Nullable BulkForm<Object> bulkForm() {
        BulkForm<Object> idForm = idCodec.bulkForm();
        if (idForm == null) {
            return null;
        }
        if (idForm.isText()) {
            return BulkForm.text(idCodec.sqlType(), value -> (String) idForm.encode(idOf(value)));
        }
        return BulkForm.element(idForm.elementType(), idForm::newArray, value -> idForm.encode(idOf(value)));
    }

    @Override
    public @Nullable Object read(ResultSet rows, int index) throws SQLException {
        Object id = idCodec.read(rows, index);
        return id == null ? null : target().reference(id);
    }

    @Override
    public String toString() {
        return "ReferenceCodec[" + where + " -> " + target.getSimpleName() + "." + idCodec.sqlType() + "]";
    }
}
