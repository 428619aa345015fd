package org.reciprocity.member;

/** What an admin typed into the suspension form of the admin page, shown back with its errors. */
public record SuspendForm(String member, String reason) {}
