package org.reciprocity.web;

/** One broken rule of a submitted field, named as the API and the form name it. */
public record FieldError(String field, String message) {
}
