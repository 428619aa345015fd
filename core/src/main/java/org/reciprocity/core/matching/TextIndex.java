package org.reciprocity.core.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

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

    private final Map<String, Float> fieldWeights;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** An in-memory index whose fields are weighted as given (higher counts more). */
    public TextIndex(Map<String, Float> fieldWeights) {
        this.fieldWeights = Map.copyOf(fieldWeights);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(new ByteBuffersDirectory(), config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void put(long id, Map<String, ? extends Collection<String>> fields) {
        putAll(List.of(new Doc(id, fields)));
    }

    /** Adds or replaces many documents, made visible once at the end. */
    public void putAll(Iterable<Doc> docs) {
        try {
            for (Doc doc : docs) {
                writer.updateDocument(new Term(KEY, Long.toString(doc.id())), document(doc));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(long id) {
        try {
            writer.deleteDocuments(new Term(KEY, Long.toString(id)));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index, for a rebuild. */
    public void clear() {
        try {
            writer.deleteAll();
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
            int wanted = limit * 2 + 16;
            while (true) {
                TopDocs top = searcher.search(query, wanted);
                List<Hit> hits = new ArrayList<>(Math.min(limit, top.scoreDocs.length));
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                for (ScoreDoc scoreDoc : top.scoreDocs) {
                    long id = idOf(leaves, scoreDoc.doc);
                    if (accept.test(id)) {
                        hits.add(new Hit(id, scoreDoc.score));
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
        for (IndexableField field : stored(id)) {
            if (!field.name().startsWith("_") && field.stringValue() != null
                    && terms(field.stringValue()).stream().anyMatch(words::contains)) {
                matched.computeIfAbsent(field.name(), f -> new ArrayList<>()).add(field.stringValue());
            }
        }
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
            fieldWeights.forEach((field, weight) -> query.add(
                    new BoostQuery(new TermQuery(new Term(field, word)), weight), BooleanClause.Occur.SHOULD));
        }
        return query.build();
    }

    private Document document(Doc doc) {
        Document document = new Document();
        document.add(new StringField(KEY, Long.toString(doc.id()), Field.Store.NO));
        document.add(new NumericDocValuesField(ID, doc.id()));
        doc.fields().forEach((field, values) -> {
            if (!fieldWeights.containsKey(field)) {
                throw new IllegalArgumentException("Unknown field " + field);
            }
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    document.add(new TextField(field, value, Field.Store.YES));
                }
            }
        });
        return document;
    }

    private List<IndexableField> stored(long id) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(KEY, Long.toString(id))), 1);
            if (top.scoreDocs.length == 0) {
                return List.of();
            }
            return searcher.storedFields().document(top.scoreDocs[0].doc).getFields();
        });
    }

    private static long idOf(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues ids = leaf.reader().getNumericDocValues(ID);
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Document without an id");
        }
        return ids.longValue();
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
