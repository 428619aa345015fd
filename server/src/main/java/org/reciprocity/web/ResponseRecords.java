package org.reciprocity.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;

/**
 * The records the API answers with, found from its handler methods' return types, by the names the
 * OpenAPI document gives their schemas ({@code ExchangeView}, {@code ListPageExchangeView}).
 */
final class ResponseRecords {

    private ResponseRecords() {
    }

    static Map<String, Class<?>> of(Collection<HandlerMethod> handlers) {
        Map<String, Class<?>> found = new HashMap<>();
        Set<Type> seen = new HashSet<>();
        for (HandlerMethod h : handlers) {
            if (h.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
                walk(h.getMethod().getGenericReturnType(), found, seen);
            }
        }
        return found;
    }

    private static void walk(Type type, Map<String, Class<?>> found, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            StringBuilder name = new StringBuilder(raw.getSimpleName());
            for (Type argument : p.getActualTypeArguments()) {
                walk(argument, found, seen);
                if (argument instanceof Class<?> c) {
                    name.append(c.getSimpleName());
                }
            }
            if (raw.isRecord()) {
                found.put(name.toString(), raw);
                components(raw, found, seen);
            }
            return;
        }
        if (type instanceof Class<?> c && c.isRecord() && c != ResponseEntity.class) {
            found.put(c.getSimpleName(), c);
            components(c, found, seen);
        }
    }

    private static void components(Class<?> record, Map<String, Class<?>> found, Set<Type> seen) {
        for (RecordComponent c : record.getRecordComponents()) {
            walk(c.getGenericType(), found, seen);
        }
    }

    /** Whether the record always writes this field: unless it leaves out empty fields (NON_NULL) and this one may be empty. */
    static boolean alwaysPresent(Class<?> record, RecordComponent component) {
        JsonInclude own = component.getAccessor().getAnnotation(JsonInclude.class);
        if (own == null) {
            own = component.getAnnotation(JsonInclude.class);
        }
        if (own != null) {
            return own.value() == JsonInclude.Include.ALWAYS;
        }
        JsonInclude onRecord = record.getAnnotation(JsonInclude.class);
        return onRecord == null || onRecord.value() == JsonInclude.Include.ALWAYS || component.getType().isPrimitive();
    }

    /** Reference-typed fields other than collections may hold null. */
    static boolean mayBeNull(RecordComponent component) {
        Class<?> type = component.getType();
        return !type.isPrimitive() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
    }
}
