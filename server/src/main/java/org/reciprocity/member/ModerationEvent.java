package org.reciprocity.member;

/**
 * An admin's moderation action on a member (X3), published inside the action's transaction so that the
 * audit log records it or neither happens: {@code action} is SUSPEND or UNSUSPEND, with the admin's reason.
 */
public record ModerationEvent(String action, long adminId, long memberId, String reason) {

    public static final String SUSPEND = "SUSPEND";
    public static final String UNSUSPEND = "UNSUSPEND";
}
