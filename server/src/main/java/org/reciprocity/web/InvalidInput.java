package org.reciprocity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input that breaks one or more rules: 422 in the API, messages beside the fields in a page. */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input." : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first message for each field, for rendering beside form fields. */
    public Map<String, String> byField() {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }
}
