package org.reciprocity.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings of the whole community, changed by admins. */
@Repository
public class CommunitySettingRows {

    private static final String SIGNUP_MODE = "signup_mode";
    private static final String FIRST_ADMIN = "first_admin";
    private static final String PRIVATE_TARGETS = "webhooks_private_targets";

    private final JdbcClient jdbc;

    CommunitySettingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SignupMode signupMode() {
        return jdbc.sql("select setting_value from community_setting where name = :name").param("name", SIGNUP_MODE)
                .query(String.class).optional().map(SignupMode::valueOf).orElse(SignupMode.OPEN);
    }

    public void setSignupMode(SignupMode mode) {
        set(SIGNUP_MODE, mode.name());
    }

    /** Whether webhooks may call loopback and private addresses (SSRF guard off); off unless an admin allows it. */
    public boolean allowPrivateWebhookTargets() {
        return jdbc.sql("select setting_value from community_setting where name = :name").param("name", PRIVATE_TARGETS)
                .query(String.class).optional().map(Boolean::parseBoolean).orElse(false);
    }

    public void setAllowPrivateWebhookTargets(boolean allow) {
        set(PRIVATE_TARGETS, Boolean.toString(allow));
    }

    private void set(String name, String value) {
        // make sure the row exists, then set it: two portable statements, safe when two admins race
        jdbc.sql("insert into community_setting (name, setting_value) values (:name, :v) on conflict do nothing")
                .param("v", value).param("name", name).update();
        jdbc.sql("update community_setting set setting_value = :v where name = :name")
                .param("v", value).param("name", name).update();
    }

    /**
     * Claims the admin seat for {@code memberId} if nobody holds it yet. The primary key makes the
     * claim atomic: of two first sign-ups racing, exactly one wins.
     */
    boolean claimFirstAdmin(long memberId) {
        return jdbc.sql("insert into community_setting (name, setting_value) values (:name, :id) on conflict do nothing")
                .param("name", FIRST_ADMIN).param("id", Long.toString(memberId)).update() == 1;
    }
}
