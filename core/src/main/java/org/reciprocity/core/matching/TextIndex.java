package org.reciprocity.core.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/**
 * A BM25 index (Apache Lucene) of short documents, each a set of named, multi-valued text fields
 * with a weight per field. Derived data: whoever owns it fills it from the database and keeps it
 * current. Thread-safe: writes are visible to searches once the write method returns.
 */
public final class TextIndex implements Closeable {

    /** One search hit: the document's id and its BM25 score. */
    public record Hit(long id, float score) {}

    /** A document to index: its id and the values of each field. */
    public record Doc(long id, Map<String, ? extends Collection<String>> fields) {}

    /** Query words beyond this many are ignored, so that a long text cannot make a search slow. */
    static final int MAX_QUERY_TERMS = 48;

    private static final String KEY = "_key";
    private static final String ID = "_id";

    /**
     * Lucene's English stop words plus the pronouns, auxiliaries and ask phrasing ("could someone
     * help", "I need") that every bio and ask contains: they say nothing about a topic and, matching
     * nearly every document, would make each search score the whole index.
     */
    static final CharArraySet STOP_WORDS = stopWords();

    /** Every field's words go into this one indexed field, repeated by the field's weight. */
    private static final String TEXT = "_text";
    /** Each field's values as given, stored so that an index opened from disk knows its documents again. */
    private static final String STORED = "_stored:";

    private final Map<String, Integer> fieldWeights;
    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);
    /** The documents as given, for {@link #matchedValues}: cheaper than Lucene's compressed stored fields. */
    private final Map<Long, Doc> byId = new ConcurrentHashMap<>();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Reopens the searcher as soon as a writer waits, so that writers waiting together share one reopening. */
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    /** The generation of the latest change given to the writer. */
    private final AtomicLong lastWritten = new AtomicLong(-1);

    /**
     * An in-memory index whose fields are weighted as given: a field of weight 3 counts as if its words
     * were written three times. One indexed field instead of one per field keeps a search to one posting
     * list per query word, which is what makes it fast on a million documents.
     */
    public TextIndex(Map<String, Integer> fieldWeights) {
        this(fieldWeights, new ByteBuffersDirectory());
    }

    /**
     * An index in {@code directory}, opened with what it holds: a directory on disk keeps the index
     * across restarts, with the data its last {@link #commit} recorded ({@link #committedData}).
     */
    public TextIndex(Map<String, Integer> fieldWeights, Directory directory) {
        this.fieldWeights = Map.copyOf(fieldWeights);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setRAMBufferSizeMB(64);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
            this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.0);
            reopener.setName("text-index-reopen");
            reopener.setDaemon(true);
            reopener.start();
            loadStoredDocs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every change so far durable, with {@code data} (such as how far the index is up to date). */
    public void commit(Map<String, String> data) {
        try {
            writer.setLiveCommitData(Map.copyOf(data).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the last commit recorded; empty for a new index. */
    public Map<String, String> committedData() {
        try {
            return SegmentInfos.readLatestCommit(writer.getDirectory()).getUserData();
        } catch (IndexNotFoundException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void put(long id, Map<String, ? extends Collection<String>> fields) {
        putAll(List.of(new Doc(id, fields)));
    }

    /** Adds or replaces many documents, made visible once at the end. */
    public void putAll(Iterable<Doc> docs) {
        update(docs, List.of());
    }

    public void remove(long id) {
        update(List.of(), List.of(id));
    }

    /**
     * Adds or replaces {@code puts} and removes {@code removals}, searchable when it returns, together:
     * each reopening of the searcher flushes a segment, so a batch of changes costs one, not one each.
     */
    public void update(Iterable<Doc> puts, Collection<Long> removals) {
        awaitSearchable(write(puts, removals));
    }

    /**
     * Adds or replaces {@code puts} and removes {@code removals}, and returns at once: they are searchable
     * when {@link #awaitSearchable} of the returned generation returns. A caller that writes under a lock
     * waits after releasing it, so that the writers of the same few milliseconds share one reopening.
     */
    public long write(Iterable<Doc> puts, Collection<Long> removals) {
        long generation = -1;
        try {
            for (Doc doc : puts) {
                Doc indexed = byId.get(doc.id());
                if (indexed != null && valued(indexed).equals(valued(doc))) {
                    // unchanged: rewriting it would cost a segment and a reopening for nothing; the caller
                    // still waits for the write that put it there, should that not be searchable yet
                    generation = Math.max(generation, lastWritten.get());
                    continue;
                }
                generation = written(writer.updateDocument(new Term(KEY, Long.toString(doc.id())), document(doc)));
                byId.put(doc.id(), doc);
            }
            for (long id : removals) {
                if (!byId.containsKey(id)) {
                    generation = Math.max(generation, lastWritten.get());
                    continue;
                }
                generation = written(writer.deleteDocuments(new Term(KEY, Long.toString(id))));
                byId.remove(id);
            }
            return generation;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long written(long generation) {
        lastWritten.accumulateAndGet(generation, Math::max);
        return generation;
    }

    /** A document's fields with their values, as {@link #document} stores them: one opened from disk lacks an empty field. */
    private static Map<String, List<String>> valued(Doc doc) {
        Map<String, List<String>> valued = new HashMap<>();
        doc.fields().forEach((field, values) -> {
            List<String> present = values.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!present.isEmpty()) {
                valued.put(field, present);
            }
        });
        return valued;
    }

    /** Waits until the writes up to {@code generation} ({@link #write}) are searchable. */
    public void awaitSearchable(long generation) {
        if (generation < 0) {
            return;
        }
        try {
            reopener.waitForGeneration(generation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the index to reopen", e);
        }
    }

    /** Empties the index, for a rebuild. */
    public void clear() {
        try {
            writer.deleteAll();
            byId.clear();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * The best {@code limit} documents for the words of {@code text}, best first, among those whose
     * id {@code accept}s. Documents that share no word with the text are never returned.
     */
    public List<Hit> search(String text, int limit, LongPredicate accept) {
        Query query = query(text);
        if (query == null || limit <= 0) {
            return List.of();
        }
        return withSearcher(searcher -> {
            // few are filtered out (the asker, blocked members): a small first window keeps Lucene's
            // top-k pruning effective on a large index, and a short one is widened below
            int wanted = limit + 16;
            while (true) {
                TopDocs top = searcher.search(query, wanted);
                long[] ids = idsOf(searcher, top.scoreDocs);
                List<Hit> hits = new ArrayList<>(Math.min(limit, top.scoreDocs.length));
                for (int i = 0; i < ids.length; i++) {
                    if (accept.test(ids[i])) {
                        hits.add(new Hit(ids[i], top.scoreDocs[i].score));
                        if (hits.size() == limit) {
                            return hits;
                        }
                    }
                }
                if (top.scoreDocs.length < wanted) {
                    return hits;
                }
                wanted *= 4;
            }
        });
    }

    /** For each field of the document, the values that share a word with {@code text}, in order. */
    public Map<String, List<String>> matchedValues(long id, String text) {
        Set<String> words = terms(text);
        Map<String, List<String>> matched = new LinkedHashMap<>();
        Doc doc = byId.get(id);
        if (doc == null) {
            return matched;
        }
        doc.fields().forEach((field, values) -> {
            for (String value : values) {
                if (value != null && terms(value).stream().anyMatch(words::contains)) {
                    matched.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
                }
            }
        });
        return matched;
    }

    /** The words of a text as the index sees them: lower case, stemmed, without stop words. */
    public Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() {
        try {
            reopener.close();
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String text) {
        List<String> words = terms(text).stream().limit(MAX_QUERY_TERMS).toList();
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            query.add(new TermQuery(new Term(TEXT, word)), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /** The documents of an index opened from disk, read back from their stored values. */
    private void loadStoredDocs() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits live = reader.getLiveDocs();
                StoredFields stored = reader.storedFields();
                for (int i = 0; i < reader.maxDoc(); i++) {
                    if (live != null && !live.get(i)) {
                        continue;
                    }
                    Document document = stored.document(i);
                    Map<String, List<String>> fields = new HashMap<>();
                    for (IndexableField field : document.getFields()) {
                        if (field.name().startsWith(STORED)) {
                            fields.computeIfAbsent(field.name().substring(STORED.length()), k -> new ArrayList<>())
                                    .add(field.stringValue());
                        }
                    }
                    long id = Long.parseLong(document.get(KEY));
                    byId.put(id, new Doc(id, fields));
                }
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private Document document(Doc doc) {
        Document document = new Document();
        document.add(new StringField(KEY, Long.toString(doc.id()), Field.Store.YES));
        document.add(new NumericDocValuesField(ID, doc.id()));
        doc.fields().forEach((field, values) -> {
            Integer weight = fieldWeights.get(field);
            if (weight == null) {
                throw new IllegalArgumentException("Unknown field " + field);
            }
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    document.add(new StoredField(STORED + field, value));
                    for (int i = 0; i < weight; i++) {
                        document.add(new TextField(TEXT, value, Field.Store.NO));
                    }
                }
            }
        });
        return document;
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of("i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
                "its", "them", "what", "which", "who", "whom", "where", "when", "why", "how", "am", "been", "being",
                "have", "has", "had", "do", "does", "did", "can", "could", "would", "should", "may", "might", "must",
                "shall", "about", "from", "up", "out", "over", "so", "than", "too", "very", "just", "any", "some",
                "all", "each", "other", "more", "most", "own", "same", "anyone", "someone", "somebody", "anybody",
                "anything", "something", "need", "needs", "help", "helps", "looking", "want", "please", "thanks",
                "like", "get", "got", "also", "lot", "really", "here", "now", "new", "first", "one", "time"));
        return CharArraySet.unmodifiableSet(words);
    }

    /** The ids of the hits, in their order, reading each segment's id values once in document order. */
    private static long[] idsOf(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = i;
        }
        java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] ids = new long[hits.length];
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        NumericDocValues values = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            int wanted = ReaderUtil.subIndex(doc, leaves);
            if (wanted != leafIndex) {
                leafIndex = wanted;
                leaf = leaves.get(wanted);
                values = leaf.reader().getNumericDocValues(ID);
            }
            if (values == null || !values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("Document without an id");
            }
            ids[i] = values.longValue();
        }
        return ids;
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
