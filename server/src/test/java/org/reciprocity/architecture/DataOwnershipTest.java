package org.reciprocity.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each feature owns its tables: only its repositories, the classes named {@code *Rows}, run SQL, and
 * they name no other feature's table. Another feature's data is read through the owner's classes.
 */
class DataOwnershipTest {

    /** Every table, by the module that owns it ({@code db} holds the shared locks). */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("member", "member"), Map.entry("profile", "member"), Map.entry("profile_tag", "member"),
            Map.entry("profile_visibility", "member"), Map.entry("invite", "member"),
            Map.entry("community_setting", "member"),
            Map.entry("member_lock", "db"), Map.entry("shedlock", "db"),
            Map.entry("connection", "network"), Map.entry("connection_request", "network"),
            Map.entry("member_block", "network"), Map.entry("contact", "network"), Map.entry("contact_email", "network"),
            Map.entry("contact_phone", "network"), Map.entry("contact_tag", "network"),
            Map.entry("contact_import", "network"), Map.entry("contact_import_error", "network"),
            Map.entry("exchange", "ledger"), Map.entry("exchange_event", "ledger"), Map.entry("thanks", "ledger"),
            Map.entry("posting", "asks"), Map.entry("posting_tag", "asks"), Map.entry("pledge", "asks"),
            Map.entry("index_change", "asks"),
            Map.entry("introduction", "introductions"),
            Map.entry("cadence", "followup"), Map.entry("interaction", "followup"), Map.entry("reminder", "followup"),
            Map.entry("follow_up_setting", "followup"),
            Map.entry("trust_seed", "trust"), Map.entry("trust_run", "trust"), Map.entry("trust_score", "trust"),
            Map.entry("trust_contributor", "trust"), Map.entry("community_insight", "trust"),
            Map.entry("report", "moderation"), Map.entry("moderation_action", "moderation"),
            Map.entry("webhook", "webhooks"), Map.entry("webhook_delivery", "webhooks"),
            Map.entry("api_token", "security"), Map.entry("idempotency_record", "security"),
            Map.entry("sign_in_throttle", "security"), Map.entry("sign_in_known_address", "security"),
            Map.entry("rate_bucket", "security"), Map.entry("spring_session", "security"),
            Map.entry("spring_session_attributes", "security"));

    static final Path MAIN = Path.of("src/main/java/org/reciprocity");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Pattern TABLE_USE = Pattern.compile(
            "\\b(?:from|join|into|update|exists|table)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern CREATED = Pattern.compile("create table (?:if not exists )?([a-z_]+)", Pattern.CASE_INSENSITIVE);

    final JavaClasses server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reciprocity");

    @Test
    void onlyRepositoriesNamedForTheirRowsRunSql() {
        noClasses().that().haveSimpleNameNotEndingWith("Rows")
                // nor the proxies and bean definitions that Spring's ahead-of-time processing writes when packaging
                .and().haveNameNotMatching(".*(\\$\\$SpringCGLIB\\$\\$|__).*")
                .and().resideOutsideOfPackages("org.reciprocity.db..", "org.reciprocity.core..", "org.reciprocity.synthetic..")
                .should().dependOnClassesThat().belongToAnyOf(JdbcClient.class, JdbcTemplate.class,
                        NamedParameterJdbcTemplate.class)
                .because("a class that runs SQL is a repository, and its name says so")
                .check(server);
        classes().that().haveSimpleNameEndingWith("Rows").should().beAnnotatedWith(Repository.class).check(server);
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void noFeatureNamesAnotherFeaturesTable() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = MAIN.relativize(file).getName(0).toString();
                for (String sql : stringLiterals(Files.readString(file))) {
                    Matcher m = TABLE_USE.matcher(sql);
                    while (m.find()) {
                        String owner = OWNER.get(m.group(1).toLowerCase());
                        if (owner != null && !owner.equals(module)) {
                            trespasses.add(MAIN.relativize(file) + " uses " + m.group(1) + " (" + owner + "'s)");
                        }
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    /** The text of the file's string literals and text blocks, where its SQL is. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher m = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL).matcher(source);
        while (m.find()) {
            literals.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return literals;
    }
}
