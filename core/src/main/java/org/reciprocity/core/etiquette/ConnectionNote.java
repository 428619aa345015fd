package org.reciprocity.core.etiquette;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a connection request's note (N1): "always personalize connection requests with a
 * brief introduction or shared interest". A note must exist, say something (at least 20
 * characters), stay brief (at most 300), and not be one of the default invitation texts — in any of
 * the common languages, whatever its case, punctuation, greeting or the recipient's name.
 */
public final class ConnectionNote {

    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 300;

    public enum Problem {
        EMPTY,
        TOO_SHORT,
        TOO_LONG,
        GENERIC
    }

    /** Why a note is refused, in words for its author. */
    public record Refusal(Problem problem, String message) {}

    /** The default invitation texts of the big networks, and close variants people paste. */
    static final List<String> STOCK_PHRASES = List.of(
            // English
            "I'd like to add you to my professional network on LinkedIn",
            "I'd like to add you to my professional network",
            "I would like to add you to my professional network",
            "I'd like to connect with you on LinkedIn",
            "I'd like to connect with you",
            "I would like to connect with you",
            "Let's connect",
            "Please add me to your professional network",
            "I'd like to join your network",
            "I'd like to join your LinkedIn network",
            "Please accept my invitation to connect",
            // German
            "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen",
            "Ich möchte Sie gerne zu meinem beruflichen Netzwerk hinzufügen",
            "Ich möchte dich gerne zu meinem beruflichen Netzwerk hinzufügen",
            "Ich würde Sie gerne zu meinem beruflichen Netzwerk hinzufügen",
            "Ich würde mich gerne mit Ihnen vernetzen",
            "Ich würde mich gerne mit dir vernetzen",
            // French
            "J'aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn",
            "J'aimerais vous inviter à rejoindre mon réseau professionnel",
            "Je souhaiterais vous ajouter à mon réseau professionnel",
            "J'aimerais vous ajouter à mon réseau professionnel",
            "J'aimerais t'ajouter à mon réseau professionnel",
            // Spanish
            "Me gustaría añadirte a mi red profesional en LinkedIn",
            "Me gustaría añadirte a mi red profesional",
            "Me gustaría agregarte a mi red profesional",
            "Quisiera añadirle a mi red profesional",
            "Me gustaría conectar contigo",
            // Portuguese
            "Gostaria de adicioná-lo à minha rede profissional no LinkedIn",
            "Gostaria de adicioná-lo à minha rede profissional",
            "Gostaria de adicionar você à minha rede profissional",
            "Gostaria de me conectar com você",
            // Italian
            "Vorrei aggiungerti alla mia rete professionale su LinkedIn",
            "Vorrei aggiungerti alla mia rete professionale",
            // Dutch
            "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn",
            "Ik wil je graag toevoegen aan mijn professionele netwerk");

    /** Words around a stock phrase that do not make it personal. */
    private static final Set<String> FILLER = Set.of("hi", "hello", "hey", "dear", "greetings", "thanks", "thank",
            "you", "regards", "best", "cheers", "kind", "please", "hallo", "liebe", "lieber", "danke", "gruss", "grusse",
            "viele", "bonjour", "salut", "cher", "chere", "merci", "cordialement", "hola", "estimado", "estimada",
            "gracias", "saludos", "ola", "oi", "obrigado", "obrigada", "ciao", "grazie", "hoi", "beste", "groet",
            "groeten", "mvg", "dank", "je", "linkedin", "on", "auf", "sur", "en", "no", "su", "op", "sr", "mr", "ms",
            "mrs", "dr", "herr", "frau", "m", "mme", "senor", "senora");

    private static final Set<String> STOCK = STOCK_PHRASES.stream().map(ConnectionNote::words)
            .map(w -> String.join(" ", w)).collect(Collectors.toUnmodifiableSet());

    private ConnectionNote() {
    }

    /**
     * @param recipientName the name of the person invited, whose mention does not make a note personal
     * @param senderName the sender's own name, as it may end the note
     */
    public static Optional<Refusal> check(String note, String recipientName, String senderName) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            return Optional.of(new Refusal(Problem.EMPTY,
                    "Add a personal note: say how you know them, or what you share — a skill, an interest, a person."));
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            return Optional.of(new Refusal(Problem.TOO_LONG,
                    "Keep the note to " + MAX_LENGTH + " characters (now " + length + "); a brief introduction is enough."));
        }
        if (isGeneric(text, recipientName, senderName)) {
            return Optional.of(new Refusal(Problem.GENERIC,
                    "This is a default invitation text. Say in your own words why you want to connect: a shared "
                            + "interest, a skill of theirs, or someone you both know."));
        }
        if (length < MIN_LENGTH) {
            return Optional.of(new Refusal(Problem.TOO_SHORT,
                    "Write at least " + MIN_LENGTH + " characters: one sentence on how you know them or what you share."));
        }
        return Optional.empty();
    }

    static boolean isGeneric(String text, String recipientName, String senderName) {
        Set<String> names = Set.copyOf(words((recipientName == null ? "" : recipientName) + " "
                + (senderName == null ? "" : senderName)));
        List<String> meaningful = words(text).stream()
                .filter(w -> !names.contains(w) && !FILLER.contains(w)).toList();
        String joined = String.join(" ", meaningful);
        for (String stock : STOCK) {
            String core = Arrays.stream(stock.split(" ")).filter(w -> !FILLER.contains(w)).collect(Collectors.joining(" "));
            if (joined.equals(core)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, accents and apostrophes folded, punctuation dropped, split into words. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("ß", "ss").replace('’', '\'').replace("'", "");
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
