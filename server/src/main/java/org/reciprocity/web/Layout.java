package org.reciprocity.web;

/**
 * What every page's frame needs: who is signed in and the CSRF token that forms and htmx requests
 * carry. Built per request by {@link LayoutAdvice}.
 */
public record Layout(String csrfParameter, String csrfHeader, String csrfToken,
                     String memberName, String memberId, boolean admin) {

    public boolean signedIn() {
        return memberId != null;
    }

    /** The value of the body's {@code hx-headers} attribute, so htmx requests pass the CSRF check. */
    public String htmxHeaders() {
        return csrfToken == null ? "{}" : "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }
}
