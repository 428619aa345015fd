package org.reciprocity.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index on disk opens with its documents, their words and what its last commit recorded. */
class TextIndexOnDiskTest {

    static final Map<String, Integer> WEIGHTS = Map.of("skills", 3, "bio", 1);

    @TempDir
    Path dir;

    @Test
    void aReopenedIndexFindsWhatWasCommittedAndKnowsHowFarItWas() throws IOException {
        try (TextIndex index = new TextIndex(WEIGHTS, new MMapDirectory(dir))) {
            assertThat(index.committedData()).isEmpty();
            index.put(1, Map.of("skills", List.of("PostgreSQL tuning"), "bio", List.of("Runs a database team")));
            index.put(2, Map.of("skills", List.of("Pottery")));
            index.put(3, Map.of("skills", List.of("Gardening")));
            index.remove(3);
            index.commit(Map.of("feed", "42"));
            // closing commits what came after, under the data last given: a reader of it re-applies from there
            index.put(4, Map.of("skills", List.of("Knitting")));
        }
        try (TextIndex reopened = new TextIndex(WEIGHTS, new MMapDirectory(dir))) {
            assertThat(reopened.committedData()).containsEntry("feed", "42");
            assertThat(reopened.size()).isEqualTo(3);
            assertThat(reopened.search("knitting", 10, id -> true)).extracting(TextIndex.Hit::id).containsExactly(4L);
            assertThat(reopened.search("postgresql", 10, id -> true)).extracting(TextIndex.Hit::id).containsExactly(1L);
            assertThat(reopened.search("gardening", 10, id -> true)).isEmpty();
            assertThat(reopened.matchedValues(1, "postgresql")).containsEntry("skills", List.of("PostgreSQL tuning"));
        }
    }
}
