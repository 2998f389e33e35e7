package dev.bucketguard.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Clouds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a {@link Resource} strictly, with its cloud's vocabulary: the provider must be a known cloud, and its kind,
 * facts, channels, parent kinds and details must be that cloud's. Every error is a {@link JsonMappingException} with
 * the JSON path and the location of the offending field itself, so the one-line error a user sees points at it.
 */
final class ResourceJson {
    /** The context attribute under which the resource being read keeps its cloud, for the vocabulary readers. */
    private static final Object CLOUD = Cloud.class;
    private static final List<String> FIELDS = List.of("provider", "account", "parents", "id", "kind", "region",
            "collected", "unknowns", "grants", "encryption", "details");

    private ResourceJson() {
    }

    static SimpleModule module(Clouds clouds) {
        SimpleModule m = new SimpleModule("bucketguard-model");
        m.addDeserializer(Resource.class, new ResourceDeserializer(clouds));
        m.addDeserializer(Fact.class, new Vocabulary<>(Fact.class, Fact::new, "fact", c -> c.facts()));
        m.addDeserializer(Channel.class, new Vocabulary<>(Channel.class, Channel::new, "channel", c -> c.channels()));
        m.addDeserializer(ResourceKind.class,
                new Vocabulary<>(ResourceKind.class, ResourceKind::new, "kind", c -> c.kinds()));
        return m;
    }

    private static JsonMappingException error(JsonParser p, JsonLocation at, String message) {
        return new JsonMappingException(p, message, at);
    }

    /** A name of an open vocabulary, checked against the cloud of the resource being read where it is known. */
    private static final class Vocabulary<T> extends StdDeserializer<T> {
        private final Function<String, T> make;
        private final String what;
        private final Function<Cloud, Set<T>> allowed;

        Vocabulary(Class<T> type, Function<String, T> make, String what, Function<Cloud, Set<T>> allowed) {
            super(type);
            this.make = make;
            this.what = what;
            this.allowed = allowed;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error(p, at, "a " + what + " is a string");
            }
            T value;
            try {
                value = make.apply(p.getText());
            } catch (IllegalArgumentException e) {
                throw error(p, at, e.getMessage());
            }
            Cloud cloud = (Cloud) ctxt.getAttribute(CLOUD);
            if (cloud != null) {
                check(p, at, cloud, value, allowed.apply(cloud), what);
            }
            return value;
        }
    }

    private static <T> void check(JsonParser p, JsonLocation at, Cloud cloud, T value, Set<T> allowed, String what)
            throws JsonMappingException {
        if (!allowed.contains(value)) {
            throw error(p, at, what + " '" + value + "' is not one of " + cloud.id() + "'s (" + cloud.id() + " has: "
                    + String.join(", ", new TreeSet<>(allowed.stream().map(String::valueOf).toList())) + ")");
        }
    }

    private static final class ResourceDeserializer extends StdDeserializer<Resource> {
        private final Clouds clouds;

        ResourceDeserializer(Clouds clouds) {
            super(Resource.class);
            this.clouds = clouds;
        }

        @Override
        public Resource deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error(p, start, "a resource is a JSON object");
            }
            Object outer = ctxt.getAttribute(CLOUD);
            try {
                return read(p, ctxt, start);
            } finally {
                ctxt.setAttribute(CLOUD, outer);
            }
        }

        private Resource read(JsonParser p, DeserializationContext ctxt, JsonLocation start) throws IOException {
            ctxt.setAttribute(CLOUD, null);
            Map<String, JsonLocation> at = new LinkedHashMap<>();
            Cloud cloud = null;
            String provider = null;
            String account = null;
            String id = null;
            String region = null;
            Map<String, String> parents = Map.of();
            ResourceKind kind = null;
            List<Fact> collected = List.of();
            List<Unknown> unknowns = List.of();
            List<Grant> grants = List.of();
            Encryption encryption = null;
            Details details = null;
            TokenBuffer deferred = null;
            TypeFactory types = ctxt.getTypeFactory();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation loc = p.currentTokenLocation();
                p.nextToken();
                at.put(name, loc);
                try {
                    switch (name) {
                        case "provider" -> {
                            provider = text(p, loc, name);
                            Optional<Cloud> found = clouds.find(provider);
                            if (found.isEmpty()) {
                                throw error(p, loc, "unknown provider '" + provider + "' (known: "
                                        + String.join(", ", clouds.ids()) + ")");
                            }
                            cloud = found.get();
                            ctxt.setAttribute(CLOUD, cloud);
                        }
                        case "account" -> account = text(p, loc, name);
                        case "id" -> id = text(p, loc, name);
                        case "region" -> region = p.currentToken() == JsonToken.VALUE_NULL ? null : text(p, loc, name);
                        case "parents" -> parents = ctxt.readValue(p,
                                types.constructMapType(LinkedHashMap.class, String.class, String.class));
                        case "kind" -> kind = ctxt.readValue(p, ResourceKind.class);
                        case "collected" -> collected = ctxt.readValue(p, list(types, Fact.class));
                        case "unknowns" -> unknowns = ctxt.readValue(p, list(types, Unknown.class));
                        case "grants" -> grants = ctxt.readValue(p, list(types, Grant.class));
                        case "encryption" -> encryption = ctxt.readValue(p, Encryption.class);
                        case "details" -> {
                            if (cloud != null) {
                                details = ctxt.readValue(p, cloud.detailsType());
                            } else {
                                deferred = ctxt.bufferAsCopyOfValue(p);
                            }
                        }
                        default -> throw error(p, loc, "unknown field '" + name + "' (expected "
                                + String.join(", ", FIELDS) + ")");
                    }
                } catch (JsonMappingException e) {
                    throw e.getPath().isEmpty() && !FIELDS.contains(name) ? e : prepend(e, name);
                }
            }
            if (provider == null) {
                throw error(p, start, "missing required field 'provider'");
            }
            if (deferred != null) {
                try (JsonParser d = deferred.asParser(p.getCodec())) {
                    d.nextToken();
                    details = ctxt.readValue(d, cloud.detailsType());
                } catch (JsonMappingException e) {
                    throw prepend(relocate(p, e, at.get("details")), "details");
                }
            }
            // Fields read before the provider was: check them against the cloud now.
            Cloud c = cloud;
            checkLater(p, at, "kind", kind == null ? List.of() : List.of(kind), c.kinds(), "kind");
            checkLater(p, at, "collected", collected, c.facts(), "fact");
            checkLater(p, at, "unknowns", unknowns.stream().map(Unknown::fact).toList(), c.facts(), "fact");
            checkLater(p, at, "grants", grants.stream().map(Grant::via).toList(), c.channels(), "channel");
            for (String parent : parents.keySet()) {
                if (!c.parentKinds().contains(parent)) {
                    throw prepend(error(p, at.get("parents"), "parent kind '" + parent + "' is not one of "
                            + c.id() + "'s (" + c.id() + " has: " + (c.parentKinds().isEmpty() ? "none"
                            : String.join(", ", new TreeSet<>(c.parentKinds()))) + ")"), "parents");
                }
            }
            if (kind == null) {
                throw error(p, start, "missing required field 'kind'");
            }
            Resource r;
            try {
                r = new Resource(provider, account, parents, id, kind, region, new TreeSet<>(collected), unknowns,
                        grants, encryption, details);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw error(p, start, e.getMessage());
            }
            List<String> problems = c.problems(r);
            if (!problems.isEmpty()) {
                throw prepend(error(p, at.getOrDefault("details", start), problems.get(0)), "details");
            }
            return r;
        }

        private static <T> void checkLater(JsonParser p, Map<String, JsonLocation> at, String field, List<T> values,
                                           Set<T> allowed, String what) throws JsonMappingException {
            for (int i = 0; i < values.size(); i++) {
                T v = values.get(i);
                if (!allowed.contains(v)) {
                    JsonMappingException e = error(p, at.get(field), what + " '" + v + "' is not one of the"
                            + " provider's (it has: " + String.join(", ",
                            new TreeSet<>(allowed.stream().map(String::valueOf).toList())) + ")");
                    if (!field.equals("kind")) {
                        e.prependPath(Resource.class, i);
                    }
                    throw prepend(e, field);
                }
            }
        }

        private static JsonMappingException relocate(JsonParser p, JsonMappingException e, JsonLocation at) {
            if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
                return e;
            }
            JsonMappingException moved = new JsonMappingException(p, e.getOriginalMessage(), at);
            for (int i = e.getPath().size() - 1; i >= 0; i--) {
                JsonMappingException.Reference r = e.getPath().get(i);
                if (r.getFieldName() != null) {
                    moved.prependPath(r.getFrom(), r.getFieldName());
                } else {
                    moved.prependPath(r.getFrom(), r.getIndex());
                }
            }
            return moved;
        }

        private static JsonMappingException prepend(JsonMappingException e, String field) {
            e.prependPath(Resource.class, field);
            return e;
        }

        private static JavaType list(TypeFactory types, Class<?> element) {
            return types.constructCollectionType(ArrayList.class, element);
        }

        private static String text(JsonParser p, JsonLocation loc, String field) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error(p, loc, "'" + field + "' must be a string");
            }
            return p.getText();
        }
    }
}
