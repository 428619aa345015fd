-- The date an import gives as "Connected On" says since when two people know each other, not when they
-- were last in touch: it is shown as "connected since" and never restarts a keep-in-touch timer.
alter table contact rename column last_interaction_on to connected_on;
