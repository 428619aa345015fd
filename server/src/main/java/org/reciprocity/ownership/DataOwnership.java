package org.reciprocity.ownership;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reciprocity.ledger.Ledger;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.member.MemberViews;
import org.reciprocity.asks.Asks;
import org.reciprocity.followup.FollowUp;
import org.reciprocity.introductions.Introductions;
import org.reciprocity.webhooks.Webhooks;
import org.reciprocity.member.MemberChanged;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ContactRows;
import org.reciprocity.network.Network;
import org.reciprocity.security.ApiTokens;
import org.reciprocity.security.Passwords;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;

/**
 * "Own your data" (M3): everything a member has here, as one JSON archive, and the deletion of the
 * account. Deleting never corrupts a counterpart's ledger: their entries stay, with the deleted party
 * shown as "Former member"; the member's private data (profile, contacts, private favors, notes,
 * tokens, requests) is erased, and every session and token ends at once.
 */
@Service
public class DataOwnership {

    private final MemberViews views;
    private final MemberRows members;
    private final ContactRows contacts;
    private final Network network;
    private final Ledger ledger;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Asks asks;
    private final Introductions introductions;
    private final FollowUp followUp;
    private final Webhooks webhooks;

    DataOwnership(MemberViews views, MemberRows members, ContactRows contacts, Network network, Ledger ledger,
                  ApiTokens tokens, Passwords passwords, SessionRegistry sessions, Clock clock,
                  ApplicationEventPublisher events, Asks asks, Introductions introductions,
                  FollowUp followUp, Webhooks webhooks) {
        this.followUp = followUp;
        this.webhooks = webhooks;
        this.asks = asks;
        this.introductions = introductions;
        this.events = events;
        this.views = views;
        this.members = members;
        this.contacts = contacts;
        this.network = network;
        this.ledger = ledger;
        this.tokens = tokens;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Map<String, Object> archive(CurrentMember me) {
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("format", "reciprocity-archive/1");
        archive.put("exportedAt", clock.instant());
        archive.put("account", views.own(me));
        archive.put("contacts", contacts.all(me.id()));
        archive.put("exchanges", ledger.everything(me));
        archive.put("connections", network.connections(me));
        archive.put("connectionRequestsReceived", network.incoming(me));
        archive.put("connectionRequestsSent", network.outgoing(me));
        archive.put("blocked", network.blocked(me));
        archive.put("postings", asks.allMine(me));
        archive.put("pledges", asks.myPledges(me));
        archive.put("introductions", introductions.mine(me));
        archive.put("interactions", followUp.interactions(me, Integer.MAX_VALUE));
        archive.put("cadences", followUp.cadences(me));
        archive.put("webhooks", webhooks.mine(me));
        archive.put("apiTokens", tokens.active(me.id()));
        return archive;
    }

    /** Deletes the caller's account after checking the password. The last admin must appoint another first. */
    public void delete(CurrentMember me, String password) {
        if (!passwords.matches(password, members.passwordHashOf(me.id()))) {
            throw new InvalidInput("password", "Enter your password to confirm the deletion.");
        }
        if (me.isAdmin() && members.countAdmins() <= 1 && members.count() > 1) {
            throw new Conflict("You are the community's only admin. Make another member admin before deleting your account.");
        }
        members.delete(me.id());
        events.publishEvent(new MemberChanged(me.id()));
        sessions.getAllSessions(me, true).forEach(s -> s.expireNow());
    }

}
