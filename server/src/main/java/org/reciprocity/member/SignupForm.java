package org.reciprocity.member;

/** What the sign-up page posts; the password is never sent back to the page. */
public record SignupForm(String email, String displayName, String password, String invite) {

    public static SignupForm empty(String invite) {
        return new SignupForm("", "", null, invite);
    }

    SignUp toSignUp() {
        return new SignUp(email, password, displayName, invite);
    }
}
