package org.reciprocity.network;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.reciprocity.core.network.ContactKeys;
import org.reciprocity.core.network.ImportedContact;
import org.reciprocity.core.network.Tier;
import org.reciprocity.member.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a contacts file in the background (N4): checks the file at once (size, row count), then
 * parses, de-duplicates against the member's contacts and within the file (e-mail, profile URL,
 * then name and company) and writes in batches, updating the job's progress after each batch.
 * Bad rows are reported with their line and never stop the good ones.
 */
@Service
public class ContactImporter {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_CONTACTS = 50_000;
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ContactImporter.class);

    private final ContactImports jobs;
    private final Contacts contacts;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ThreadPoolTaskExecutor executor;
    private final TransactionTemplate tx;
    private final Clock clock;

    ContactImporter(ContactImports jobs, Contacts contacts, JdbcClient jdbc, NamedParameterJdbcTemplate batch,
                    @Qualifier("importExecutor") ThreadPoolTaskExecutor executor, TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.jobs = jobs;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.batch = batch;
        this.executor = executor;
        this.clock = clock;
    }

    public record ImportView(String id, String status, ImportFormat format, int total, int processed, int imported,
                             int merged, List<ParsedFile.LineError> errors, String failure) {
        public int percent() {
            return total == 0 ? ("RUNNING".equals(status) ? 0 : 100) : Math.min(100, processed * 100 / total);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        int failed = jobs.failInterrupted(clock.instant());
        if (failed > 0) {
            log.warn("{} contact import(s) were interrupted by a restart and marked failed.", failed);
        }
    }

    public ImportView start(CurrentMember me, String format, byte[] bytes) {
        ImportFormat parsed;
        try {
            parsed = ImportFormat.valueOf(format == null ? "" : format.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("format", "Use LINKEDIN_CSV (LinkedIn's Connections.csv) or VCARD (a .vcf file).");
        }
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput("file", "Choose a file to import.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput("file", "The file is larger than 10 MB; split it into smaller files.");
        }
        String text = decode(bytes);
        int rows = parsed == ImportFormat.VCARD ? VCardFile.countCards(text) : LinkedInCsv.countRows(text);
        if (rows > MAX_CONTACTS) {
            throw new InvalidInput("file", "The file has " + rows + " contacts; at most " + MAX_CONTACTS
                    + " can be imported at once. Split it into smaller files.");
        }
        if (executor.getThreadPoolExecutor().getQueue().remainingCapacity() == 0) {
            throw new TooManyRequests("Too many imports are running; try again in a minute.", java.time.Duration.ofMinutes(1));
        }
        ContactImports.Job job = jobs.create(me.id(), parsed, rows, clock.instant());
        afterCommit(() -> {
            try {
                executor.execute(() -> run(job, text));
            } catch (RejectedExecutionException e) {
                jobs.finish(job.id(), "FAILED", "Too many imports were running; import the file again in a minute.",
                        clock.instant());
            }
        });
        return view(me.id(), job.publicId());
    }

    public ImportView view(long ownerId, String publicId) {
        ContactImports.Job job = jobs.byPublicId(ownerId, publicId)
                .orElseThrow(() -> new org.reciprocity.web.NotFound("You have no import with this id."));
        return new ImportView(job.publicId(), job.status(), job.format(), job.total(), job.processed(), job.imported(),
                job.merged(), jobs.errorsOf(job.id()), job.failure());
    }

    /**
     * The import starts once the job row is committed (the request may run in a transaction): the
     * background thread must see it, and a rolled-back request must not leave a job running.
     */
    private static void afterCommit(Runnable start) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start.run();
                }
            });
        } else {
            start.run();
        }
    }

    /** UTF-8 (with or without BOM); files that are not valid UTF-8 are read as Windows-1252, as old exporters write. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    void run(ContactImports.Job job, String text) {
        try {
            ParsedFile file = job.format() == ImportFormat.VCARD ? VCardFile.parse(text) : LinkedInCsv.parse(text);
            jobs.errors(job.id(), file.errors());
            write(job, file.contacts());
            jobs.finish(job.id(), "DONE", null, clock.instant());
        } catch (RuntimeException | java.io.IOException e) {
            // the details go to the log; the member gets a message about the file, never an exception's name
            log.warn("Contact import {} failed", job.publicId(), e);
            jobs.finish(job.id(), "FAILED", "The file could not be read as " + (job.format() == ImportFormat.VCARD
                    ? "vCard (.vcf)" : "LinkedIn's Connections.csv") + ". Check that it is the file you exported, then"
                    + " import it again; nothing from it was kept past the last saved batch.", clock.instant());
        }
    }

    /** One contact after merging: the existing row's id, or none for a new contact. */
    private static final class Merged {
        Long existingId;
        String name;
        List<String> emails = new ArrayList<>();
        String company;
        String position;
        String phone;
        String profileUrl;
        LocalDate lastInteraction;
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        String notes;
        Tier tier;

        void absorb(ImportedContact c) {
            for (String e : c.emails()) {
                if (emails.stream().noneMatch(x -> x.equalsIgnoreCase(e))) {
                    emails.add(e);
                }
            }
            company = company != null ? company : c.company();
            position = position != null ? position : c.position();
            phone = phone != null ? phone : c.phone();
            profileUrl = profileUrl != null ? profileUrl : c.profileUrl();
            notes = notes != null ? notes : c.notes();
            tags.addAll(c.tags());
            if (c.connectedOn() != null && (lastInteraction == null || c.connectedOn().isAfter(lastInteraction))) {
                lastInteraction = c.connectedOn();
            }
        }
    }

    private void write(ContactImports.Job job, List<ImportedContact> imported) {
        Map<String, Merged> byKey = new HashMap<>();
        List<Merged> fresh = new ArrayList<>();
        List<Merged> touched = new ArrayList<>();
        for (Contact c : contacts.all(job.ownerId())) {
            Merged m = new Merged();
            m.existingId = c.internalId();
            m.name = c.name();
            if (c.email() != null) {
                m.emails.add(c.email());
            }
            m.company = c.company();
            m.position = c.position();
            m.phone = c.phone();
            m.profileUrl = c.profileUrl();
            m.notes = c.notes();
            m.tags.addAll(c.tags());
            m.lastInteraction = c.lastInteractionOn();
            m.tier = c.tier();
            ContactKeys.of(m.emails, m.profileUrl, m.name, m.company).forEach(k -> byKey.putIfAbsent(k, m));
        }
        int merged = 0;
        for (ImportedContact c : imported) {
            Merged match = ContactKeys.of(c.emails(), c.profileUrl(), c.name(), c.company()).stream()
                    .map(byKey::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (match == null) {
                match = new Merged();
                match.name = c.name();
                match.tier = c.tier();
                fresh.add(match);
            } else {
                merged++;
                if (match.existingId != null && !touched.contains(match)) {
                    touched.add(match);
                }
            }
            match.absorb(c);
            Merged target = match;
            ContactKeys.of(target.emails, target.profileUrl, target.name, target.company).forEach(k -> byKey.putIfAbsent(k, target));
        }
        // rows to write: new contacts, then existing ones that absorbed imported rows; progress is their share
        int total = imported.size();
        int units = Math.max(1, fresh.size() + touched.size());
        int written = 0;
        int created = 0;
        Instant now = clock.instant();
        for (int from = 0; from < fresh.size(); from += BATCH) {
            List<Merged> chunk = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
            tx.executeWithoutResult(status -> insert(job.ownerId(), chunk, now));
            created += chunk.size();
            written += chunk.size();
            jobs.progress(job.id(), total, (int) ((long) written * total / units), created, 0);
        }
        for (int from = 0; from < touched.size(); from += BATCH) {
            List<Merged> chunk = touched.subList(from, Math.min(touched.size(), from + BATCH));
            tx.executeWithoutResult(status -> update(chunk, now));
            written += chunk.size();
            jobs.progress(job.id(), total, (int) ((long) written * total / units), created, merged);
        }
        jobs.progress(job.id(), total, total, created, merged);
    }

    private void insert(long ownerId, List<Merged> chunk, Instant now) {
        Map<String, Merged> byPublicId = new HashMap<>();
        MapSqlParameterSource[] rows = chunk.stream().map(m -> {
            String publicId = UUID.randomUUID().toString();
            byPublicId.put(publicId, m);
            return fields(m).addValue("publicId", publicId).addValue("owner", ownerId).addValue("tier", m.tier.name())
                    .addValue("now", now.atOffset(ZoneOffset.UTC));
        }).toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into contact (public_id, owner_id, name, email, company, position, phone, profile_url, notes, tier,
                                     last_interaction_on, created_at, updated_at)
                values (:publicId, :owner, :name, :email, :company, :position, :phone, :url, :notes, :tier, :last, :now, :now)
                """, rows);
        List<MapSqlParameterSource> tags = new ArrayList<>();
        if (chunk.stream().anyMatch(m -> !m.tags.isEmpty())) {
            jdbc.sql("select id, public_id from contact where owner_id = :owner and public_id in (:ids)")
                    .param("owner", ownerId).param("ids", byPublicId.keySet())
                    .query((rs, n) -> {
                        Merged m = byPublicId.get(rs.getString(2));
                        m.existingId = rs.getLong(1);
                        return m;
                    }).list();
            chunk.forEach(m -> addTags(tags, m));
        }
        batch.batchUpdate("insert into contact_tag (contact_id, position, tag) values (:id, :pos, :tag)",
                tags.toArray(MapSqlParameterSource[]::new));
    }

    private void update(List<Merged> chunk, Instant now) {
        batch.batchUpdate("""
                update contact set email = :email, company = :company, position = :position, phone = :phone,
                       profile_url = :url, notes = :notes, last_interaction_on = :last, updated_at = :now
                where id = :id
                """, chunk.stream().map(m -> fields(m).addValue("id", m.existingId).addValue("now", now.atOffset(ZoneOffset.UTC)))
                .toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate("delete from contact_tag where contact_id = :id",
                chunk.stream().map(m -> new MapSqlParameterSource("id", m.existingId)).toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> tags = new ArrayList<>();
        chunk.forEach(m -> addTags(tags, m));
        batch.batchUpdate("insert into contact_tag (contact_id, position, tag) values (:id, :pos, :tag)",
                tags.toArray(MapSqlParameterSource[]::new));
    }

    private static void addTags(List<MapSqlParameterSource> into, Merged m) {
        int pos = 0;
        for (String tag : m.tags) {
            if (pos == 20) {
                break;
            }
            into.add(new MapSqlParameterSource("id", m.existingId).addValue("pos", pos++)
                    .addValue("tag", tag.length() > 60 ? tag.substring(0, 60) : tag));
        }
    }

    private static MapSqlParameterSource fields(Merged m) {
        return new MapSqlParameterSource("name", m.name).addValue("email", m.emails.isEmpty() ? null : m.emails.get(0).toLowerCase(java.util.Locale.ROOT))
                .addValue("company", m.company).addValue("position", m.position).addValue("phone", m.phone)
                .addValue("url", m.profileUrl).addValue("notes", m.notes).addValue("last", m.lastInteraction);
    }
}
