package io.databridge.internal.relation;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Saves and deletes the children a parent owns ({@code @OneToMany}, owned by default) and the join rows of its owning
 * {@code @ManyToMany}s, level by level, in bulk: per relation and level at most one insert, one update, one delete of
 * removed children (after their own descendants) and, for a one-way relation, one update of the foreign keys; never
 * delete-all-and-reinsert. The caller runs it in one transaction with the parent's own write. Thread-safe.
 */
public final class AggregateWriter {

    /** The plain, non-cascading bulk writes of the engine. */
    public interface RowWrites {
        /**
         * Inserts rows, returning them as stored (generated ids set), in order.
         *
         * @param rows the new rows
         * @param <T> the entity type
         * @return the stored rows
         */
        <T> List<T> insertAll(List<T> rows);

        /**
         * Updates rows by id (and version), returning them as stored, in order.
         *
         * @param rows the changed rows
         * @param <T> the entity type
         * @return the stored rows
         */
        <T> List<T> updateAll(List<T> rows);

        /**
         * Inserts or updates rows with assigned ids, returning them as stored, in order.
         *
         * @param rows the rows
         * @param <T> the entity type
         * @return the stored rows
         */
        <T> List<T> upsertAll(List<T> rows);

        /**
         * Inserts rows with one more column their model does not map (a one-way relation's foreign key), in bulk.
         *
         * @param rows the new rows, all of one class
         * @param column the quoted key column
         * @param typedLike the property whose codec carries the keys (the parent's id)
         * @param keys each row's key, in order
         * @param <T> the entity type
         * @return the stored rows, or {@code null} when they cannot be inserted in bulk (nothing was written)
         */
        <T> @Nullable List<T> insertAllWithKey(
                List<T> rows, String column, PropertyModel typedLike, List<@Nullable Object> keys);
    }

    /** Levels of owned relations a delete follows before it reports a cycle. */
    private static final int MAX_DEPTH = 16;

    private final RelationResolver resolver;
    private final JdbcExecutor executor;
    private final RowWrites writes;
    private final Map<Class<?>, List<ResolvedRelation>> owned = new ConcurrentHashMap<>();

    /**
     * Creates a writer.
     *
     * @param resolver resolves relations
     * @param executor runs the statements
     * @param writes the engine's bulk writes
     */
    public AggregateWriter(RelationResolver resolver, JdbcExecutor executor, RowWrites writes) {
        this.resolver = resolver;
        this.executor = executor;
        this.writes = writes;
    }

    /**
     * Whether writes of this entity cascade (it owns children or join rows).
     *
     * @param model the entity model
     * @return {@code true} when saving or deleting it touches other tables
     */
    public boolean cascades(EntityModel<?> model) {
        return !owned(model).isEmpty();
    }

    private List<ResolvedRelation> owned(EntityModel<?> model) {
        List<ResolvedRelation> known = owned.get(model.type());
        if (known != null) {
            return known; // every write asks: no capturing lambda, no computeIfAbsent, once the answer is known
        }
        return owned.computeIfAbsent(model.type(), type -> {
            List<ResolvedRelation> list = new ArrayList<>();
            for (RelationProperty relation : model.relations()) {
                ResolvedRelation resolved = resolver.resolve(model, relation);
                if (resolved.owned() && relation.toMany()) {
                    list.add(resolved);
                }
            }
            return List.copyOf(list);
        });
    }

    /**
     * Saves the owned children of parents just written.
     *
     * @param model the parents' model
     * @param originals the parents as the caller passed them (their collections are read)
     * @param stored the parents as stored (ids set); the same instances for classes
     * @param parentsNew whether the parents were just inserted (nothing to delete)
     * @param <T> the parent type
     * @return the stored parents with their saved collections (new instances for records)
     */
    public <T> List<T> saveChildren(EntityModel<T> model, List<T> originals, List<T> stored, boolean parentsNew) {
        List<T> result = new ArrayList<>(stored);
        for (ResolvedRelation relation : owned(model)) {
            RelationProperty property = relation.property();
            List<Integer> positions = new ArrayList<>();
            List<Object> parents = new ArrayList<>();
            List<Collection<?>> collections = new ArrayList<>();
            for (int i = 0; i < originals.size(); i++) {
                Object value = property.get(originals.get(i));
                if (!loaded(property, value)) {
                    continue; // not loaded: the children are left as they are
                }
                positions.add(i);
                parents.add(result.get(i));
                collections.add((Collection<?>) value);
            }
            if (positions.isEmpty()) {
                continue;
            }
            List<Collection<?>> saved = relation.shape() == ResolvedRelation.Shape.JOIN_TABLE
                    ? saveJoinRows(relation, parents, collections, parentsNew)
                    : saveLevel(relation, parents, collections, parentsNew);
            for (int k = 0; k < positions.size(); k++) {
                int i = positions.get(k);
                result.set(i, model.withRelation(result.get(i), property, saved.get(k)));
            }
        }
        return result;
    }

    /**
     * The one changed child of an aggregate update, already pointed at its parent.
     *
     * @param relation the relation the child is in
     * @param target the child's model
     * @param child the child
     * @param collection the collection holding it, as the caller passed it
     * @param <C> the child type
     */
    public record OneChangedChild<C>(
            ResolvedRelation relation, EntityModel<C> target, C child, Collection<?> collection) {}

    /**
     * The only write an update of {@code root} makes below it, when that is one changed child: the usual save of an
     * aggregate, whose root's and child's single-row updates the engine then sends in one round trip. {@code null}
     * whenever anything else would be written (a new, removed or unknown child, a second changed one, join rows, a
     * one-way key, a deeper level), when nothing below changed, or when a record is involved: then {@link
     * #saveChildren} does the work.
     *
     * @param model the root's model
     * @param root the root as the caller passed it, stored (its id set)
     * @param <T> the root type
     * @return the change, or {@code null}
     */
    public <T> @Nullable OneChangedChild<?> oneChangedChild(EntityModel<T> model, T root) {
        if (model.isRecord()) {
            return null;
        }
        OneChangedChild<?> found = null;
        for (ResolvedRelation relation : owned(model)) {
            RelationProperty property = relation.property();
            Object value = property.get(root);
            if (!loaded(property, value)) {
                continue; // nothing is written for it
            }
            if (relation.shape() != ResolvedRelation.Shape.CHILD_FOREIGN_KEY
                    || relation.childForeignKey() == null
                    || relation.target().isRecord()
                    || !(value instanceof LoadedCollections.Snapshot)) {
                return null;
            }
            Changed<?> changed = changed(relation, root, (Collection<?>) value);
            if (changed.otherWrites() || (changed.child() != null && found != null)) {
                return null;
            }
            if (changed.child() != null) {
                found = changed.child();
            }
        }
        return found;
    }

    /** Whether a to-many's value is a loaded collection: not null, not the unfetched placeholder, not a pending lazy. */
    private static boolean loaded(RelationProperty property, @Nullable Object value) {
        return value != null && value != property.unfetched() && !LazyCollections.pending(value);
    }

    /**
     * What a loaded collection would write: the one changed child (or none), or {@code otherWrites} when it writes
     * anything else (a second changed child included).
     */
    private record Changed<C>(@Nullable OneChangedChild<C> child, boolean otherWrites) {
        static final Changed<?> OTHER = new Changed<>(null, true);
    }

    private <C> Changed<?> changed(ResolvedRelation relation, Object root, Collection<?> collection) {
        @SuppressWarnings("unchecked")
        EntityModel<C> target = (EntityModel<C>) relation.target();
        RelationProperty back = backReference(relation);
        LoadedCollections.Shape<C> shape = LoadedCollections.Shape.of(resolver, target);
        java.util.Set<Object> ids = new java.util.HashSet<>();
        OneChangedChild<C> one = null;
        for (Object element : collection) {
            C child = target.type().cast(element);
            if (state(target, child) != State.STORED || !nothingBelow(target, child)) {
                return Changed.OTHER;
            }
            ids.add(target.id().get(child));
            // As saveLevel prepares it: the child points at this parent (a class child is changed in place).
            C prepared = back == null ? child : target.withRelation(child, back, root);
            if (!LoadedCollections.unchanged(shape, collection, prepared)) {
                if (one != null) {
                    return Changed.OTHER; // a second one: the bulk statement writes them
                }
                one = new OneChangedChild<>(relation, target, prepared, collection);
            }
        }
        return LoadedCollections.mayHaveRemoved(collection, ids) ? Changed.OTHER : new Changed<>(one, false);
    }

    /**
     * Whether saving a child writes nothing below it: each of its owned collections is not loaded, or was loaded (or
     * saved) empty and is still empty.
     */
    private boolean nothingBelow(EntityModel<?> model, Object child) {
        for (ResolvedRelation relation : owned(model)) {
            RelationProperty property = relation.property();
            Object value = property.get(child);
            if (!loaded(property, value)) {
                continue;
            }
            if (!(value instanceof LoadedCollections.Snapshot snapshot)
                    || !((Collection<?>) value).isEmpty()
                    || !snapshot.loadedIds().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The root whose one changed child was written, holding the same children, remembered as they are now.
     *
     * @param model the root's model
     * @param root the root as stored
     * @param change the change written
     * @param storedChild the child as stored (the same instance: reading it back made its parent a reference)
     * @param <T> the root type
     * @param <C> the child type
     * @return the root
     */
    public <T, C> T withSavedChild(EntityModel<T> model, T root, OneChangedChild<C> change, C storedChild) {
        EntityModel<C> target = change.target();
        RelationProperty back = backReference(change.relation());
        if (back != null) {
            back.set(storedChild, root);
        }
        List<C> elements = new ArrayList<>(change.collection().size());
        for (Object element : change.collection()) {
            elements.add(target.type().cast(element));
        }
        RelationProperty property = change.relation().property();
        return model.withRelation(
                root,
                property,
                LoadedCollections.of(LoadedCollections.Shape.of(resolver, target), property, elements, -1, null));
    }

    private <C> List<Collection<?>> saveLevel(
            ResolvedRelation relation, List<Object> parents, List<Collection<?>> collections, boolean parentsNew) {
        @SuppressWarnings("unchecked")
        EntityModel<C> target = (EntityModel<C>) relation.target();
        RelationProperty back = backReference(relation);
        // Flatten, pointing each child at its parent.
        List<C> originals = new ArrayList<>();
        List<C> prepared = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int k = 0; k < collections.size(); k++) {
            for (Object element : collections.get(k)) {
                C child = target.type().cast(element);
                originals.add(child);
                prepared.add(back == null ? child : target.withRelation(child, back, parents.get(k)));
                owners.add(k);
            }
        }
        List<C> inserts = new ArrayList<>();
        List<C> updates = new ArrayList<>();
        List<C> upserts = new ArrayList<>();
        Map<C, Integer> positions = new IdentityHashMap<>();
        LoadedCollections.Shape<C> shape = LoadedCollections.Shape.of(resolver, target);
        for (int c = 0; c < prepared.size(); c++) {
            C child = prepared.get(c);
            positions.put(child, c);
            switch (state(target, child)) {
                case NEW -> inserts.add(child);
                case STORED -> {
                    if (!LoadedCollections.unchanged(shape, collections.get(owners.get(c)), child)) {
                        updates.add(child);
                    }
                }
                case UNKNOWN -> upserts.add(child);
            }
        }
        List<C> storedChildren = new ArrayList<>(prepared);
        if (!parentsNew && mayHaveRemoved(target, collections)) {
            deleteRemoved(relation, parents, prepared, positions, inserts);
        }
        boolean[] inserted = new boolean[prepared.size()];
        for (C child : inserts) {
            inserted[position(positions, child)] = true;
        }
        boolean oneWay = relation.childForeignKey() == null;
        List<C> insertedWithKeys = oneWay ? insertWithKeys(relation, parents, inserts, positions, owners) : null;
        write(
                storedChildren,
                positions,
                inserts,
                insertedWithKeys != null ? insertedWithKeys : writes.insertAll(inserts));
        write(storedChildren, positions, updates, writes.updateAll(updates));
        write(storedChildren, positions, upserts, writes.upsertAll(upserts));
        if (back != null && !target.isRecord()) {
            // Reading the stored rows back made the parent a reference again: point mutable children at it.
            for (int c = 0; c < storedChildren.size(); c++) {
                back.set(storedChildren.get(c), parents.get(owners.get(c)));
            }
        }
        if (oneWay) {
            // Children inserted with their key are done; stored ones (maybe moved here) get theirs in one update.
            List<C> keyless = new ArrayList<>();
            List<Integer> keylessOwners = new ArrayList<>();
            for (int c = 0; c < storedChildren.size(); c++) {
                boolean keyWritten = insertedWithKeys != null && inserted[c];
                if (!keyWritten) {
                    keyless.add(storedChildren.get(c));
                    keylessOwners.add(owners.get(c));
                }
            }
            if (!keyless.isEmpty()) {
                writeOneWayKeys(relation, parents, keyless, keylessOwners);
            }
        }
        // The next level, from each child's own collections as the caller gave them.
        List<C> finished = saveNextLevel(target, originals, storedChildren, inserted);
        List<List<C>> groups = new ArrayList<>();
        for (int k = 0; k < parents.size(); k++) {
            groups.add(new ArrayList<>());
        }
        for (int c = 0; c < finished.size(); c++) {
            groups.get(owners.get(c)).add(finished.get(c));
        }
        List<Collection<?>> result = new ArrayList<>();
        for (List<C> group : groups) {
            result.add(LoadedCollections.of(shape, relation.property(), group, -1, null));
        }
        return result;
    }

    /** Saves the next level: children of new rows have nothing to delete, children of stored rows may. */
    private <C> List<C> saveNextLevel(EntityModel<C> model, List<C> originals, List<C> stored, boolean[] inserted) {
        if (!cascades(model) || stored.isEmpty()) {
            return stored;
        }
        List<C> result = new ArrayList<>(stored);
        for (boolean newRows : new boolean[] {false, true}) {
            List<C> levelOriginals = new ArrayList<>();
            List<C> levelStored = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                if (inserted[i] == newRows) {
                    levelOriginals.add(originals.get(i));
                    levelStored.add(stored.get(i));
                    index.add(i);
                }
            }
            if (!index.isEmpty()) {
                List<C> saved = saveChildren(model, levelOriginals, levelStored, newRows);
                for (int j = 0; j < saved.size(); j++) {
                    result.set(index.get(j), saved.get(j));
                }
            }
        }
        return result;
    }

    private static boolean mayHaveRemoved(EntityModel<?> target, List<Collection<?>> collections) {
        for (Collection<?> collection : collections) {
            java.util.Set<Object> ids = new java.util.HashSet<>();
            for (Object element : collection) {
                Object id = target.id().get(element);
                if (id != null) {
                    ids.add(id);
                }
            }
            if (LoadedCollections.mayHaveRemoved(collection, ids)) {
                return true;
            }
        }
        return false;
    }

    /** The position of a child numbered by {@code saveChildren}; every child written was numbered there. */
    private static <C> int position(Map<C, Integer> positions, C child) {
        Integer position = positions.get(child);
        if (position == null) {
            throw new IllegalStateException("a child entity was written that was not among the aggregate's children");
        }
        return position;
    }

    private static <C> void write(List<C> stored, Map<C, Integer> positions, List<C> input, List<C> output) {
        for (int i = 0; i < input.size(); i++) {
            stored.set(position(positions, input.get(i)), output.get(i));
        }
    }

    private enum State {
        NEW,
        STORED,
        UNKNOWN
    }

    /** The same rule as {@code save}: a generated id or a version tells new from stored; otherwise it is unknown. */
    private static State state(EntityModel<?> model, Object entity) {
        PropertyModel id = model.id();
        if (id.generated()) {
            return unset(id, id.get(entity)) ? State.NEW : State.STORED;
        }
        PropertyModel version = model.version();
        if (version != null) {
            return unset(version, version.get(entity)) ? State.NEW : State.STORED;
        }
        return State.UNKNOWN;
    }

    private static boolean unset(PropertyModel property, @Nullable Object value) {
        return value == null || (property.primitive() && value instanceof Number number && number.longValue() == 0);
    }

    /** Deletes the stored children of these parents that are no longer in their collections, with descendants. */
    private <C> void deleteRemoved(
            ResolvedRelation relation,
            List<Object> parents,
            List<C> children,
            Map<C, Integer> positions,
            List<C> inserts) {
        EntityModel<?> target = relation.target();
        PropertyModel parentId = relation.source().id();
        List<Object> parentIds = new ArrayList<>();
        for (Object parent : parents) {
            parentIds.add(parentId.get(parent));
        }
        boolean[] inserted = new boolean[children.size()];
        for (C child : inserts) {
            inserted[position(positions, child)] = true;
        }
        List<Object> kept = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            Object id = target.id().get(children.get(c));
            if (id != null && !inserted[c]) {
                kept.add(id);
            }
        }
        String where = "{a}." + relation.foreignKey() + " = ANY(" + IdArrays.placeholder(parentId) + ") AND {a}."
                + target.id().quotedColumn() + " <> ALL(" + IdArrays.placeholder(target.id()) + ")";
        deleteWhere(relation.name(), target, where, 0, statement -> {
            IdArrays.bind(statement, 1, parentId, parentIds);
            IdArrays.bind(statement, 2, target.id(), kept);
        });
    }

    /**
     * Deletes the owned descendants of the children of parents with these ids, then the children.
     *
     * @param model the parents' model
     * @param ids the parents' ids
     */
    public void deleteChildren(EntityModel<?> model, Collection<?> ids) {
        PropertyModel id = model.id();
        for (ResolvedRelation relation : owned(model)) {
            Binder binder = statement -> IdArrays.bind(statement, 1, id, ids);
            if (relation.shape() == ResolvedRelation.Shape.JOIN_TABLE) {
                executor.execute(
                        "delete " + relation.name() + " links",
                        "DELETE FROM " + relation.joinTable() + " j WHERE j." + relation.foreignKey() + " = ANY("
                                + IdArrays.placeholder(id) + ")",
                        statement -> {
                            binder.bind(statement);
                            return statement.executeUpdate();
                        });
            } else {
                deleteWhere(
                        relation.name(),
                        relation.target(),
                        "{a}." + relation.foreignKey() + " = ANY(" + IdArrays.placeholder(id) + ")",
                        0,
                        binder);
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Deletes rows of {@code model} matching {@code where} (over alias {@code {a}}), owned descendants first. A
     * self-referencing owned relation (a tree) widens the rows to their whole subtree with a recursive query, deleted
     * in one statement.
     */
    private void deleteWhere(String task, EntityModel<?> model, String where, int depth, Binder binder) {
        if (depth > MAX_DEPTH) {
            throw new InvalidDataAccessApiUsageException("Cannot delete " + task + ": the owned relations form a cycle"
                    + " through more than one entity; mark one of them @OneToMany(owned = false)");
        }
        String alias = "t" + depth;
        String id = model.id().quotedColumn();
        String matching = "SELECT " + alias + "." + id + " FROM " + model.qualifiedTable() + " " + alias + " WHERE "
                + where.replace("{a}", alias);
        String rows = matching;
        String rowsWhere = where;
        for (ResolvedRelation relation : owned(model)) {
            if (relation.target() == model && relation.shape() == ResolvedRelation.Shape.CHILD_FOREIGN_KEY) {
                String tree = "tree" + depth;
                rows = "WITH RECURSIVE " + tree + "(id) AS (" + matching + " UNION ALL SELECT c." + id + " FROM "
                        + model.qualifiedTable() + " c JOIN " + tree + " ON c." + relation.foreignKey() + " = "
                        + tree + ".id) SELECT id FROM " + tree;
                rowsWhere = "{a}." + id + " IN (" + rows + ")";
            }
        }
        for (ResolvedRelation relation : owned(model)) {
            if (relation.target() == model && relation.shape() == ResolvedRelation.Shape.CHILD_FOREIGN_KEY) {
                continue; // the subtree is part of the rows themselves
            }
            if (relation.shape() == ResolvedRelation.Shape.JOIN_TABLE) {
                String sql = "DELETE FROM " + relation.joinTable() + " j WHERE j." + relation.foreignKey() + " IN ("
                        + rows + ")";
                executor.execute("delete " + relation.name() + " links", sql, statement -> {
                    binder.bind(statement);
                    return statement.executeUpdate();
                });
            } else {
                deleteWhere(
                        relation.name(),
                        relation.target(),
                        "{a}." + relation.foreignKey() + " IN (" + rows + ")",
                        depth + 1,
                        binder);
            }
        }
        String sql =
                "DELETE FROM " + model.qualifiedTable() + " " + alias + " WHERE " + rowsWhere.replace("{a}", alias);
        executor.execute("delete " + task, sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    /**
     * Inserts the new children of a one-way relation with their foreign key in the same statement, so the key column
     * may be {@code NOT NULL}.
     *
     * @return the stored children, or {@code null} when they cannot go in bulk (then they are inserted without the key
     *     and the key is written by the update that follows)
     */
    private <C> @Nullable List<C> insertWithKeys(
            ResolvedRelation relation,
            List<Object> parents,
            List<C> inserts,
            Map<C, Integer> positions,
            List<Integer> owners) {
        if (inserts.isEmpty()) {
            return List.of();
        }
        PropertyModel parentId = relation.source().id();
        List<@Nullable Object> keys = new ArrayList<>(inserts.size());
        for (C child : inserts) {
            keys.add(parentId.get(parents.get(owners.get(position(positions, child)))));
        }
        return writes.insertAllWithKey(inserts, relation.foreignKey(), parentId, keys);
    }

    /** Sets the foreign key of a one-way relation's children, which the children's own columns do not hold. */
    private <C> void writeOneWayKeys(
            ResolvedRelation relation, List<Object> parents, List<C> children, List<Integer> owners) {
        EntityModel<?> target = relation.target();
        PropertyModel parentId = relation.source().id();
        List<Object> childIds = new ArrayList<>();
        List<Object> parentIds = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            childIds.add(target.id().get(children.get(c)));
            parentIds.add(parentId.get(parents.get(owners.get(c))));
        }
        String sql = "UPDATE " + target.qualifiedTable() + " t SET " + relation.foreignKey() + " = u.p FROM unnest("
                + IdArrays.placeholder(target.id()) + ", " + IdArrays.placeholder(parentId) + ") AS u(c, p) WHERE t."
                + target.id().quotedColumn() + " = u.c AND t." + relation.foreignKey() + " IS DISTINCT FROM u.p";
        executor.execute("save " + relation.name() + " keys", sql, statement -> {
            IdArrays.bind(statement, 1, target.id(), childIds);
            IdArrays.bind(statement, 2, parentId, parentIds);
            return statement.executeUpdate();
        });
    }

    /** Diffs the join rows of an owning {@code @ManyToMany}: removed links deleted, new links inserted. */
    private List<Collection<?>> saveJoinRows(
            ResolvedRelation relation, List<Object> parents, List<Collection<?>> collections, boolean parentsNew) {
        EntityModel<?> target = relation.target();
        PropertyModel parentId = relation.source().id();
        List<Object> parentIds = new ArrayList<>();
        List<Object> linkParents = new ArrayList<>();
        List<Object> linkTargets = new ArrayList<>();
        List<Object> newParents = new ArrayList<>();
        List<Object> newTargets = new ArrayList<>();
        boolean removed = false;
        for (int k = 0; k < parents.size(); k++) {
            Object id = parentId.get(parents.get(k));
            parentIds.add(id);
            Collection<?> collection = collections.get(k);
            // A collection we loaded knows its links: only the difference is written.
            java.util.Set<Object> loaded = !parentsNew && collection instanceof LoadedCollections.Snapshot snapshot
                    ? snapshot.loadedIds()
                    : null;
            java.util.Set<Object> current = new java.util.HashSet<>();
            for (Object element : collection) {
                Object targetId = target.id().get(element);
                if (targetId == null) {
                    throw new InvalidDataAccessApiUsageException(relation.name() + " links a "
                            + target.type().getSimpleName() + " that has no id yet; save the "
                            + target.type().getSimpleName() + " first (linked entities are not cascaded)");
                }
                current.add(targetId);
                linkParents.add(id);
                linkTargets.add(targetId);
                if (loaded == null || !loaded.contains(targetId)) {
                    newParents.add(id);
                    newTargets.add(targetId);
                }
            }
            removed |= loaded == null || !current.containsAll(loaded);
        }
        String table = relation.joinTable();
        String from = relation.foreignKey();
        String to = relation.inverseColumn();
        String pair =
                "unnest(" + IdArrays.placeholder(parentId) + ", " + IdArrays.placeholder(target.id()) + ") AS u(p, t)";
        if (!parentsNew && removed) {
            String sql = "DELETE FROM " + table + " j WHERE j." + from + " = ANY(" + IdArrays.placeholder(parentId)
                    + ") AND NOT EXISTS (SELECT 1 FROM " + pair + " WHERE u.p = j." + from + " AND u.t = j." + to
                    + ")";
            executor.execute("delete " + relation.name() + " links", sql, statement -> {
                IdArrays.bind(statement, 1, parentId, parentIds);
                IdArrays.bind(statement, 2, parentId, linkParents);
                IdArrays.bind(statement, 3, target.id(), linkTargets);
                return statement.executeUpdate();
            });
        }
        if (!newParents.isEmpty()) {
            String sql = "INSERT INTO " + table + " (" + from + ", " + to + ") SELECT u.p, u.t FROM " + pair
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " j WHERE j." + from + " = u.p AND j." + to
                    + " = u.t)";
            executor.execute("save " + relation.name() + " links", sql, statement -> {
                IdArrays.bind(statement, 1, parentId, newParents);
                IdArrays.bind(statement, 2, target.id(), newTargets);
                return statement.executeUpdate();
            });
        }
        List<Collection<?>> saved = new ArrayList<>();
        for (Collection<?> collection : collections) {
            saved.add(remembered(relation, collection));
        }
        return saved;
    }

    /** The collection as saved, remembering its elements so the next save writes only what changes. */
    private <E> Collection<E> remembered(ResolvedRelation relation, Collection<?> collection) {
        @SuppressWarnings("unchecked")
        EntityModel<E> target = (EntityModel<E>) relation.target();
        List<E> elements = new ArrayList<>();
        for (Object element : collection) {
            elements.add(target.type().cast(element));
        }
        return LoadedCollections.of(resolver, relation.property(), target, elements);
    }

    private static @Nullable RelationProperty backReference(ResolvedRelation relation) {
        PropertyModel childKey = relation.childForeignKey();
        if (childKey == null) {
            return null;
        }
        for (RelationProperty candidate : relation.target().relations()) {
            if (candidate.column() == childKey) {
                return candidate;
            }
        }
        return null;
    }
}
