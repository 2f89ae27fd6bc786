package io.databridge.internal.model;

/**
 * Something that holds the entity models of one engine: the engine behind {@code DataBridge} implements it, so the
 * repository runtime can compile its methods against the same models (and codecs) the engine uses, without the facade
 * handing its models out. Implementations must be thread-safe.
 */
public interface EntityModelSource {

    /**
     * The entity models (with their codecs and naming) of this engine.
     *
     * @return the models
     */
    EntityModels models();
}
