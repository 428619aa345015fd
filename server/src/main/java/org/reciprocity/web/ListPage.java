package org.reciprocity.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The shape of every API list: the items and the cursor of the next page, null on the last. */
public record ListPage<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
