package org.reciprocity.trust;

/** A vetted member, as the admin page lists them. */
public record VettedMember(String memberId, String displayName, String email) {}
