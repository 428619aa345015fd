package org.reciprocity.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write of what the index already holds changes nothing in Lucene (no new generation, so no segment and
 * no reopening), while any change is written: a confirmation that leaves a giver's words as they were costs
 * every instance nothing.
 */
class TextIndexWriteTest {

    static final Map<String, Integer> WEIGHTS = Map.of("skills", 3, "bio", 1);

    @TempDir
    Path dir;

    @Test
    void anUnchangedDocumentIsNotWrittenAgainButAChangedOneIs() {
        try (TextIndex index = new TextIndex(WEIGHTS)) {
            long first = index.write(List.of(doc(1, "Pottery", "")), List.of());
            index.awaitSearchable(first);

            assertThat(index.write(List.of(doc(1, "Pottery", "")), List.of())).isEqualTo(first);
            assertThat(index.write(List.of(), List.of(7L))).as("removing what is not there").isEqualTo(first);

            long changed = index.write(List.of(doc(1, "Pottery", "Glazes")), List.of());
            assertThat(changed).isGreaterThan(first);
            index.awaitSearchable(changed);
            assertThat(index.search("glazes", 5, id -> true)).extracting(TextIndex.Hit::id).containsExactly(1L);

            long removed = index.write(List.of(), List.of(1L));
            assertThat(removed).isGreaterThan(changed);
            index.awaitSearchable(removed);
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void aDocumentReadBackFromDiskEqualsTheOneGivenThoughItsEmptyFieldsWereNotStored() throws IOException {
        long written;
        try (TextIndex index = new TextIndex(WEIGHTS, new MMapDirectory(dir))) {
            written = index.write(List.of(doc(1, "Pottery", "")), List.of());
            index.awaitSearchable(written);
            index.commit(Map.of());
        }
        try (TextIndex reopened = new TextIndex(WEIGHTS, new MMapDirectory(dir))) {
            long before = reopened.write(List.of(), List.of(99L));
            assertThat(reopened.write(List.of(doc(1, "Pottery", "")), List.of())).isEqualTo(before);
            assertThat(reopened.write(List.of(doc(1, "Pottery", "Kilns")), List.of())).isGreaterThan(before);
        }
    }

    private static TextIndex.Doc doc(long id, String skill, String bio) {
        return new TextIndex.Doc(id, Map.of("skills", List.of(skill), "bio", bio.isEmpty() ? List.of() : List.of(bio)));
    }
}
