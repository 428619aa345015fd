package org.reciprocity.member;

/** A request for a new account, from the API or the sign-up page. */
public record SignUp(String email, String password, String displayName, String inviteCode) {
}
