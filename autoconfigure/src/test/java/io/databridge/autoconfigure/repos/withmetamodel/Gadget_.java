package io.databridge.autoconfigure.repos.withmetamodel;

/**
 * Stands for the metamodel data-bridge-processor generates (this module's tests compile without the processor): only
 * its presence is checked.
 */
public final class Gadget_ {

    private Gadget_() {}
}
