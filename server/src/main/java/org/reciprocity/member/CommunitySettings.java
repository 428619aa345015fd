package org.reciprocity.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings of the whole community, changed by admins. */
@Repository
public class CommunitySettings {

    private static final String SIGNUP_MODE = "signup_mode";
    private static final String FIRST_ADMIN = "first_admin";

    private final JdbcClient jdbc;

    CommunitySettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SignupMode signupMode() {
        return jdbc.sql("select setting_value from community_setting where name = :name").param("name", SIGNUP_MODE)
                .query(String.class).optional().map(SignupMode::valueOf).orElse(SignupMode.OPEN);
    }

    public void setSignupMode(SignupMode mode) {
        // make sure the row exists, then set it: two portable statements, safe when two admins race
        jdbc.sql("insert into community_setting (name, setting_value) values (:name, :v) on conflict do nothing")
                .param("v", mode.name()).param("name", SIGNUP_MODE).update();
        jdbc.sql("update community_setting set setting_value = :v where name = :name")
                .param("v", mode.name()).param("name", SIGNUP_MODE).update();
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
