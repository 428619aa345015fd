package org.reciprocity.network;

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
import org.reciprocity.core.network.ContactPoint;
import org.reciprocity.core.network.ImportedContact;
import org.reciprocity.core.network.Tier;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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

    private final ContactImportRows jobs;
    private final ContactRows contacts;
    private final ThreadPoolTaskExecutor executor;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** The imports this instance is running: it alone keeps their heartbeats going. */
    private final java.util.Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ContactImporter(ContactImportRows jobs, ContactRows contacts, 
                    @Qualifier("importExecutor") ThreadPoolTaskExecutor executor, TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.jobs = jobs;
        this.contacts = contacts;
        this.executor = executor;
        this.clock = clock;
    }

    /** An import's progress and report: {@code skipped} rows or cards were not imported at all, {@code errors} say why. */
    public record ImportView(String id, String status, ImportFormat format, int total, int processed, int imported,
                             int merged, int skipped, List<ParsedFile.LineError> errors, String failure) {
        public int percent() {
            return total == 0 ? ("RUNNING".equals(status) ? 0 : 100) : Math.min(100, processed * 100 / total);
        }
    }

    /**
     * Every import belongs to the instance running it, which beats its heartbeat every
     * {@link ContactImportRows#HEARTBEAT}; one whose heartbeat stopped (its instance died or restarted) is marked
     * failed, by whichever instance notices first. A restart thus fails only the imports it interrupted,
     * never those another instance is running.
     */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.SECONDS,
            initialDelay = 10)
    void beatAndFailAbandoned() {
        Instant now = clock.instant();
        jobs.beat(running, now);
        int failed = jobs.failAbandoned(now);
        if (failed > 0) {
            log.warn("{} contact import(s) lost their instance (a restart or a crash) and were marked failed.", failed);
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
        ImportText.Decoded text = decode(parsed, bytes);
        String problem = parsed == ImportFormat.LINKEDIN_CSV ? LinkedInCsv.problem(text.text()) : null;
        if (problem != null) {
            throw new InvalidInput("file", problem);
        }
        int rows = parsed == ImportFormat.VCARD ? VCardFile.countCards(text.text()) : LinkedInCsv.countRows(text.text());
        if (rows == 0) {
            throw new InvalidInput("file", parsed == ImportFormat.VCARD
                    ? "No BEGIN:VCARD found: is this a vCard (.vcf) file?" : "The file has a header row but no contacts.");
        }
        if (rows > MAX_CONTACTS) {
            throw new InvalidInput("file", "The file has " + rows + " contacts; at most " + MAX_CONTACTS
                    + " can be imported at once. Split it into smaller files.");
        }
        if (executor.getThreadPoolExecutor().getQueue().remainingCapacity() == 0) {
            throw new TooManyRequests("Too many imports are running; try again in a minute.", java.time.Duration.ofMinutes(1));
        }
        ContactImportRows.Job job = jobs.create(me.id(), parsed, rows, clock.instant());
        afterCommit(() -> {
            running.add(job.id());
            try {
                executor.execute(() -> run(job, text));
            } catch (RejectedExecutionException e) {
                running.remove(job.id());
                jobs.finish(job.id(), "FAILED", "Too many imports were running; import the file again in a minute.",
                        clock.instant());
            }
        });
        return view(me.id(), job.publicId());
    }

    public ImportView view(long ownerId, String publicId) {
        ContactImportRows.Job job = jobs.byPublicId(ownerId, publicId)
                .orElseThrow(() -> new org.reciprocity.web.NotFound("You have no import with this id."));
        return new ImportView(job.publicId(), job.status(), job.format(), job.total(), job.processed(), job.imported(),
                job.merged(), job.skipped(), jobs.errorsOf(job.id()), job.failure());
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

    /** The file's text: see {@link ImportText} for the encodings it reads. */
    static ImportText.Decoded decode(ImportFormat format, byte[] bytes) {
        return format == ImportFormat.VCARD ? ImportText.vcard(bytes)
                : new ImportText.Decoded(ImportText.csv(bytes), java.nio.charset.StandardCharsets.UTF_8);
    }

    void run(ContactImportRows.Job job, ImportText.Decoded text) {
        try {
            ParsedFile file = job.format() == ImportFormat.VCARD ? VCardFile.parse(text) : LinkedInCsv.parse(text.text());
            jobs.errors(job.id(), file.errors(), file.skipped());
            write(job, file.contacts());
            jobs.finish(job.id(), "DONE", null, clock.instant());
        } catch (RuntimeException | java.io.IOException e) {
            // the details go to the log; the member gets a message about the file, never an exception's name
            log.warn("Contact import {} failed", job.publicId(), e);
            jobs.finish(job.id(), "FAILED", "The file could not be read as " + (job.format() == ImportFormat.VCARD
                    ? "vCard (.vcf)" : "LinkedIn's Connections.csv") + ". Check that it is the file you exported, then"
                    + " import it again; nothing from it was kept past the last saved batch.", clock.instant());
        } finally {
            running.remove(job.id());
        }
    }

    /** One contact after merging: the existing row's id, or none for a new contact. */
    private static final class Merged {
        Long existingId;
        String name;
        List<ContactPoint> emails = new ArrayList<>();
        String company;
        String position;
        List<ContactPoint> phones = new ArrayList<>();
        String profileUrl;
        LocalDate connectedOn;
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        String notes;
        Tier tier;

        void absorb(ImportedContact c) {
            emails = merge(emails, c.emails(), (a, b) -> a.value().equals(b.value()));
            // one number may be a card's phone and its fax; OTHER (a kind not yet known) matches any kind
            phones = merge(phones, c.phones(), (a, b) -> ContactPoint.phoneKey(a.value()).equals(ContactPoint.phoneKey(b.value()))
                    && (a.type() == b.type() || a.type() == ContactPoint.Type.OTHER || b.type() == ContactPoint.Type.OTHER));
            company = company != null ? company : c.company();
            position = position != null ? position : c.position();
            profileUrl = profileUrl != null ? profileUrl : c.profileUrl();
            notes = notes != null ? notes : c.notes();
            tags.addAll(c.tags());
            if (c.connectedOn() != null && (connectedOn == null || c.connectedOn().isBefore(connectedOn))) {
                connectedOn = c.connectedOn();
            }
        }

        List<String> emailAddresses() {
            return emails.stream().map(ContactPoint::value).toList();
        }

        /**
         * The points already known, then the new ones; a known point of kind OTHER takes the kind the
         * file gives it. The known primary stays primary; a contact without one takes the file's.
         */
        private static List<ContactPoint> merge(List<ContactPoint> known, List<ContactPoint> more,
                                                java.util.function.BiPredicate<ContactPoint, ContactPoint> same) {
            List<ContactPoint> result = new ArrayList<>(known);
            boolean hadPrimary = known.stream().anyMatch(ContactPoint::primary);
            for (ContactPoint p : more) {
                int at = -1;
                for (int i = 0; i < result.size() && at < 0; i++) {
                    if (same.test(result.get(i), p)) {
                        at = i;
                    }
                }
                if (at >= 0) {
                    ContactPoint old = result.get(at);
                    if (old.type() == ContactPoint.Type.OTHER && p.type() != ContactPoint.Type.OTHER) {
                        result.set(at, new ContactPoint(old.value(), p.type(), old.primary()));
                    }
                } else if (result.size() < ContactPoint.MAX_PER_KIND) {
                    result.add(p.asPrimary(p.primary() && !hadPrimary));
                }
            }
            return ContactPoint.withOnePrimary(result);
        }
    }

    private void write(ContactImportRows.Job job, List<ImportedContact> imported) {
        Map<String, Merged> byKey = new HashMap<>();
        List<Merged> fresh = new ArrayList<>();
        List<Merged> touched = new ArrayList<>();
        for (Contact c : contacts.all(job.ownerId())) {
            Merged m = new Merged();
            m.existingId = c.internalId();
            m.name = c.name();
            m.emails = new ArrayList<>(c.emails());
            m.company = c.company();
            m.position = c.position();
            m.phones = new ArrayList<>(c.phones());
            m.profileUrl = c.profileUrl();
            m.notes = c.notes();
            m.tags.addAll(c.tags());
            m.connectedOn = c.connectedOn();
            m.tier = c.tier();
            ContactKeys.of(m.emailAddresses(), m.profileUrl, m.name, m.company).forEach(k -> byKey.putIfAbsent(k, m));
        }
        int merged = 0;
        for (ImportedContact c : imported) {
            Merged match = ContactKeys.of(c.emailAddresses(), c.profileUrl(), c.name(), c.company()).stream()
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
            ContactKeys.of(target.emailAddresses(), target.profileUrl, target.name, target.company)
                    .forEach(k -> byKey.putIfAbsent(k, target));
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
        contacts.insertImported(rows);
        List<Merged> withRows = chunk.stream().filter(m -> !m.tags.isEmpty() || !m.emails.isEmpty() || !m.phones.isEmpty())
                .toList();
        if (withRows.isEmpty()) {
            return;
        }
        // the generated ids, to hang tags, e-mails and phones on
        contacts.idsOf(ownerId, byPublicId.keySet()).forEach((publicId, id) -> byPublicId.get(publicId).existingId = id);
        List<MapSqlParameterSource> tags = new ArrayList<>();
        withRows.forEach(m -> addTags(tags, m));
        contacts.insertTags(tags);
        savePoints(withRows);
    }

    private void savePoints(List<Merged> chunk) {
        contacts.savePoints(chunk.stream().map(m -> m.existingId).toList(), chunk.stream().map(m -> m.emails).toList(),
                chunk.stream().map(m -> m.phones).toList());
    }

    private void update(List<Merged> chunk, Instant now) {
        contacts.updateImported(chunk.stream().map(m -> fields(m).addValue("id", m.existingId).addValue("now", now.atOffset(ZoneOffset.UTC)))
                .toArray(MapSqlParameterSource[]::new));
        contacts.deleteTags(chunk.stream().map(m -> m.existingId).toList());
        List<MapSqlParameterSource> tags = new ArrayList<>();
        chunk.forEach(m -> addTags(tags, m));
        contacts.insertTags(tags);
        contacts.deletePoints(chunk.stream().map(m -> m.existingId).toList());
        savePoints(chunk);
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
        return new MapSqlParameterSource("name", m.name).addValue("email", ContactPoint.primaryOf(m.emails))
                .addValue("company", m.company).addValue("position", m.position)
                .addValue("url", m.profileUrl).addValue("notes", m.notes).addValue("last", m.connectedOn);
    }
}
