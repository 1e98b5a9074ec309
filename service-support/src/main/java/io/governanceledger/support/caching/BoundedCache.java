package io.governanceledger.support.caching;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An aggregate cache that keeps up to a fixed number of entries, evicting the least recently used.
 * Axon's {@code WeakReferenceCache} lets the garbage collector drop an aggregate as soon as a command
 * ends, so a busy aggregate was read from the store again for nearly every command. Entries are held
 * softly: the count bounds the cache, and records that grew large (a contract with thousands of
 * call-offs) give way when the heap runs short, to be read from the store again, rather than exhaust
 * it. Axon removes an entry whenever a command on it rolls back, so a stale entry (another instance
 * wrote meanwhile) costs one refused append, never a wrong decision.
 */
public class BoundedCache implements Cache {

    private final Map<Object, Reference<Object>> entries;
    private final Function<Object, Reference<Object>> holder;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public BoundedCache(int maxEntries) {
        this(maxEntries, SoftReference::new);
    }

    /** @param holder how a value is held (softly; a test holds them so it can clear them) */
    BoundedCache(int maxEntries, Function<Object, Reference<Object>> holder) {
        this.holder = holder;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Reference<Object>> eldest) {
                if (size() > maxEntries) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        V value = (V) present(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    /** The value under {@code key}, or null; an entry the collector cleared is removed as expired. */
    private Object present(Object key) {
        Reference<Object> reference = entries.get(key);
        if (reference == null) {
            return null;
        }
        Object value = reference.get();
        if (value == null) {
            entries.remove(key);
            listeners.forEach(listener -> listener.onEntryExpired(key));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        boolean existed = present(key) != null;
        entries.put(key, holder.apply(value));
        listeners.forEach(listener -> {
            if (existed) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (present(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        entries.keySet().forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return present(key) != null;
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
