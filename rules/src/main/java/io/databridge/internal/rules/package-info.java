/**
 * The mapping rules that data-bridge-core applies when it builds an entity model at run time and data-bridge-processor
 * applies when it checks an entity at compile time, written once: the value types the built-in codecs support
 * ({@link io.databridge.internal.rules.ValueTypeNames}), the default naming ({@link
 * io.databridge.internal.rules.SnakeCase}), what a valid SQL identifier is ({@link
 * io.databridge.internal.rules.IdentifierRule}), the annotations of other libraries data-bridge does not read ({@link
 * io.databridge.internal.rules.LookAlikeAnnotations}) and the texts of the mapping errors ({@link
 * io.databridge.internal.rules.MappingMessages}). Types are named by their binary names ({@code Class.getName()}), so
 * the processor, which sees {@code TypeMirror}s and not classes, reads the same tables. Engine code: not an API, may
 * change in any release.
 */
@NullMarked
package io.databridge.internal.rules;

import org.jspecify.annotations.NullMarked;
