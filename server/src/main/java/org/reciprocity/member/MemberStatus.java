package org.reciprocity.member;

public enum MemberStatus {
    ACTIVE,
    SUSPENDED
}
