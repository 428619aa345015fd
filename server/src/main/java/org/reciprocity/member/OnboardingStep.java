package org.reciprocity.member;

/**
 * One step of the checklist a new member sees on the home page (M4), contributed by the feature it belongs to
 * (the profile here, contacts and connections by network, favors by the ledger, asks by asks), so the
 * checklist ticks itself from what the member has done.
 */
public interface OnboardingStep {

    /** What the checklist shows of this step for one member. */
    record Step(int order, String title, String why, String link, boolean done) {}

    Step of(long memberId);
}
