package org.reciprocity.member;

/**
 * Something about a member that derived data reads has changed: their profile, their given favors,
 * their account. Listeners (the match index) refresh what they keep of the member.
 */
public record MemberChanged(long memberId) {
}
