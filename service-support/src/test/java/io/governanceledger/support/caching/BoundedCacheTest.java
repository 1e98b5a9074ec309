package io.governanceledger.support.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Up to a number of records, least recently used out first; a record the collector took back is a miss. */
class BoundedCacheTest {

    private final List<Reference<Object>> held = new ArrayList<>();
    private final BoundedCache cache = new BoundedCache(2, value -> {
        Reference<Object> reference = new SoftReference<>(value);
        held.add(reference);
        return reference;
    });

    @Test
    void theLeastRecentlyUsedEntryGoesWhenTheCacheIsFull() {
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat(cache.<String, String>get("a")).isEqualTo("A");
        cache.put("c", "C");

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.<String, String>get("a")).isEqualTo("A");
        assertThat(cache.<String, String>get("c")).isEqualTo("C");
    }

    @Test
    void anEntryTheCollectorClearedIsAMissAndMayBeStoredAgain() {
        cache.put("a", "A");
        held.get(0).clear();

        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.<String, String>get("a")).isNull();
        assertThat(cache.putIfAbsent("a", "A again")).isTrue();
        assertThat(cache.<String, String>get("a")).isEqualTo("A again");
    }

    @Test
    void removedEntriesAreGone() {
        cache.put("a", "A");
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, String>get("a")).isNull();
    }
}
