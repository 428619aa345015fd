package org.reciprocity.member;

/** Whether anyone may create an account, or only people holding an invite link. */
public enum SignupMode {
    OPEN,
    INVITE_ONLY
}
