package org.reciprocity.security;

/** What an account may do in the community. The first account of a community is its admin. */
public enum Role {
    MEMBER,
    ADMIN
}
