package io.databridge.processor;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Prints types as source text without the type-use annotations that {@code TypeMirror.toString()} would include (a
 * {@code @Nullable String} must print as {@code java.lang.String}). Stateless apart from the {@link Types} utility.
 */
final class TypeNames {

    private final Types types;

    TypeNames(Types types) {
        this.types = types;
    }

    /** The type as a metamodel value type: top-level primitives boxed, element types kept. */
    String boxed(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return print(types.boxedClass((PrimitiveType) type).asType());
        }
        return print(type);
    }

    /** The erasure as it appears before {@code .class}; primitives boxed. */
    String raw(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return types.boxedClass((PrimitiveType) type).getQualifiedName().toString();
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return rawElement(((ArrayType) type).getComponentType()) + "[]";
        }
        return print(types.erasure(type));
    }

    private String rawElement(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return raw(type);
    }

    String print(TypeMirror type) {
        switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE:
                return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
            case ARRAY:
                return print(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                String name =
                        ((TypeElement) declared.asElement()).getQualifiedName().toString();
                List<? extends TypeMirror> arguments = declared.getTypeArguments();
                if (arguments.isEmpty()) {
                    return name;
                }
                return name + arguments.stream().map(this::print).collect(Collectors.joining(", ", "<", ">"));
            }
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + print(wildcard.getExtendsBound());
                }
                if (wildcard.getSuperBound() != null) {
                    return "? super " + print(wildcard.getSuperBound());
                }
                return "?";
            }
            case TYPEVAR:
                return print(types.erasure((TypeVariable) type));
            default:
                return types.erasure(type).toString();
        }
    }
}
