package org.reciprocity.web;

/**
 * What the page layout shows of whoever is signed in. The security context's principal implements it,
 * so the layout needs nothing from the features that make principals.
 */
public interface SignedIn {

    String displayName();

    String publicId();

    boolean isAdmin();
}
