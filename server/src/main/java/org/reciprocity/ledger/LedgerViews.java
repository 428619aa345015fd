package org.reciprocity.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.ExchangeKind;
import org.reciprocity.core.ledger.FlagType;
import org.reciprocity.core.ledger.Trend;

/** What the API and the pages show of the ledger, always from the caller's side. */
public final class LedgerViews {

    private LedgerViews() {
    }

    /** The other party: a member, one of the caller's contacts, or a member who deleted their account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counterpart(String memberId, String contactId, String displayName) {
        public String link() {
            return memberId != null ? "/ledger/members/" + memberId : contactId != null ? "/ledger/contacts/" + contactId : null;
        }
    }

    public record ThanksView(String note, Instant createdAt) {}

    public record EventView(String event, String by, String detail, Instant at) {}

    /**
     * An exchange as the caller sees it: {@code direction} is the caller's (GAVE when the caller gave).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExchangeView(String id, Direction direction, Counterpart counterpart, ExchangeKind kind,
                               String description, int weight, LocalDate occurredOn, ExchangeStatus status,
                               boolean recordedByYou, boolean current, String askId, String returnsExchangeId,
                               String supersedes, String supersededBy, String disputeReason, ThanksView thanks,
                               Instant createdAt, List<EventView> history) {

        /** The caller may confirm or dispute it now. */
        public boolean awaitsYourAnswer() {
            return !recordedByYou && status == ExchangeStatus.PENDING && current;
        }

        /** "You gave Ben advice", "Ben gave you an introduction". */
        public String summary() {
            String what = kind.phrase();
            return direction == Direction.GAVE
                    ? "You gave " + counterpart.displayName() + " " + what
                    : counterpart.displayName() + " gave you " + what;
        }

        /** The caller received it, it is confirmed and not yet thanked. */
        public boolean awaitsYourThanks() {
            return direction == Direction.RECEIVED && status == ExchangeStatus.CONFIRMED && current && thanks == null;
        }
    }

    public record OpenLoop(String exchangeId, Direction direction, ExchangeKind kind, String description,
                           LocalDate occurredOn) {}

    /** A favor not yet returned, offered in the record form's "gives back a favor" list. */
    public record Returnable(String exchangeId, String label) {}

    /** The balance of one relationship; {@code given} and {@code received} are weighted and decayed. */
    public record BalanceView(Counterpart counterpart, double given, double received, double balance,
                              int givenCount, int receivedCount, LocalDate firstExchangeOn, LocalDate lastExchangeOn,
                              Trend trend, List<OpenLoop> openLoops) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlagView(FlagType type, Counterpart counterpart, String reason, String suggestion) {
        public String label() {
            return switch (type) {
                case ONE_SIDED -> "One-sided relationship";
                case GIVE_BACK -> "Time to give back";
                case OVER_GIVING -> "You are giving too much";
                case OVER_TAKING -> "Taking without giving back";
                case UNTHANKED -> "Favors not thanked yet";
                case DORMANT -> "A valuable tie has gone quiet";
            };
        }
    }

    /** {@code giveTakeRatio}: given / received (decayed); absent while nothing was received. */
    public record HealthView(@JsonInclude(JsonInclude.Include.ALWAYS) Double giveTakeRatio, double given,
                             double received, List<FlagView> flags) {}

    /** The dashboard's health, balances and the last twelve months, computed together. */
    public record Overview(HealthView health, List<BalanceView> balances, List<MonthView> months) {}

    /**
     * One month of the member's giving and taking: the effort (1-5 a favor, not decayed) of the favors that count
     * (confirmed, or private with a contact), by the month they happened.
     */
    public record MonthView(java.time.YearMonth month, int given, int received) {
        public String label() {
            return month.format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.ENGLISH));
        }
    }

    /** One relationship read back whole: its balance (absent before anything counts) and every entry. */
    public record RelationshipView(Counterpart counterpart, BalanceView balance, List<ExchangeView> history) {}
}
