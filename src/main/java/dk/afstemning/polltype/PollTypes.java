package dk.afstemning.polltype;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollTypeInfo;

/**
 * The registry of poll types by their deck name: every {@link PollType} bean, found through CDI, so that a new type
 * registers by being a bean. Tests that build a deck parser without CDI make one with {@link #of}.
 */
@ApplicationScoped
public class PollTypes implements PollTypeInfo {

    @Inject
    @Any
    Instance<PollType> found;

    private Map<String, PollType> byName;
    private PollType defaultType;

    PollTypes() {
    }

    @PostConstruct
    void register() {
        register(found.stream().toList());
    }

    /** A registry of exactly these types, without CDI. @throws IllegalStateException see {@link #register} */
    public static PollTypes of(List<? extends PollType> types) {
        PollTypes registry = new PollTypes();
        registry.register(types);
        return registry;
    }

    /** @throws IllegalStateException for two types of one name, or not exactly one {@link PollType#isDefault()} */
    private void register(List<? extends PollType> types) {
        Map<String, PollType> map = new TreeMap<>();
        PollType fallback = null;
        for (PollType type : types) {
            if (map.put(type.name(), type) != null) {
                throw new IllegalStateException("Two poll types are named " + type.name());
            }
            if (type.isDefault()) {
                if (fallback != null) {
                    throw new IllegalStateException("Two default poll types: " + fallback.name() + ", " + type.name());
                }
                fallback = type;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("No default poll type among " + map.keySet());
        }
        byName = Collections.unmodifiableMap(map);
        defaultType = fallback;
    }

    /** Every type, by name. */
    public Collection<PollType> all() {
        return byName.values();
    }

    /** Every type name, e.g. for the deck parser's message. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The type of a poll block without {@code type:}. */
    public PollType defaultType() {
        return defaultType;
    }

    /** @return the type, or null for an unknown name */
    public PollType find(String name) {
        return byName.get(name);
    }

    /**
     * The type of a stored poll; the default type for null.
     *
     * @throws IllegalStateException for a name no deck can produce
     */
    public PollType get(String name) {
        PollType type = name == null ? defaultType : byName.get(name);
        if (type == null) {
            throw new IllegalStateException("Unknown poll type " + name);
        }
        return type;
    }

    /** Every key some type adds to a poll block ({@link PollType#deckKeys()}). */
    public Set<String> deckKeys() {
        Set<String> keys = new TreeSet<>();
        byName.values().forEach(t -> keys.addAll(t.deckKeys()));
        return keys;
    }

    @Override
    public Boolean moderation(Poll poll) {
        return get(poll.type).moderation(poll);
    }
}
