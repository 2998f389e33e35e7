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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a {@link Resource} strictly, with its cloud's vocabulary: the provider must be a known cloud, and its kind,
 * facts, channels, parent kinds and details must be that cloud's. Every error is a {@link JsonMappingException} whose
 * path names the offending field itself ({@code grants[0].via}, {@code parents.tenant}, {@code unknowns[1].fact}), and
 * whose location is that field's where the parser knows it; a duplicate key of the resource is named.
 *
 * <p>The provider may come anywhere in the object: fields that need the cloud and come before it are buffered and
 * read once the cloud is known. Their errors then carry the location of the field that holds them (a buffer has no
 * locations); readers that want the exact place map the error's path to a location themselves, as the snapshot
 * reader does.
 */
final class ResourceJson {
    /** The context attribute under which the resource being read keeps its cloud, for the vocabulary readers. */
    private static final Object CLOUD = Cloud.class;
    private static final List<String> FIELDS = List.of("provider", "account", "parents", "id", "kind", "region",
            "collected", "unknowns", "grants", "encryption", "details");
    /** Fields whose reading needs the resource's cloud. */
    private static final Set<String> NEED_CLOUD = Set.of("parents", "kind", "collected", "unknowns", "grants",
            "details");
    /** Fields of version 1 of the snapshot format, for a hint when one turns up. */
    private static final Set<String> VERSION_1 = Set.of("guardrails", "policy", "logging", "versioning", "website",
            "accessPoints", "properties", "tlsEnforced");

    private ResourceJson() {
    }

    static SimpleModule module(Clouds clouds) {
        SimpleModule m = new SimpleModule("bucketguard-model");
        m.addDeserializer(Resource.class, new ResourceDeserializer(clouds));
        m.addDeserializer(Fact.class, new Vocabulary<>(Fact.class, Fact::of, "fact", Cloud::facts));
        m.addDeserializer(Channel.class, new Vocabulary<>(Channel.class, Channel::new, "channel", Cloud::channels));
        m.addDeserializer(ResourceKind.class,
                new Vocabulary<>(ResourceKind.class, ResourceKind::of, "kind", Cloud::kinds));
        return m;
    }

    private static JsonMappingException error(JsonParser p, JsonLocation at, String message) {
        return new JsonMappingException(p, message, at);
    }

    /** The current token in words, for "found ..." in messages. */
    static String found(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + p.getText() + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
        };
    }

    private static String names(Set<?> allowed) {
        return allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed.stream().map(String::valueOf)
                .toList()));
    }

    private static String notOneOf(Cloud cloud, String what, Object value, Set<?> allowed) {
        return what + " '" + value + "' is not one of " + cloud.id() + "'s (" + names(allowed) + ")";
    }

    /** A name of an open vocabulary, checked against the cloud of the resource being read where it is known. */
    private static final class Vocabulary<T> extends StdDeserializer<T> {
        private final transient Function<String, T> make;
        private final String what;
        private final transient Function<Cloud, Set<T>> allowed;

        Vocabulary(Class<T> type, Function<String, T> make, String what, Function<Cloud, Set<T>> allowed) {
            super(type);
            this.make = make;
            this.what = what;
            this.allowed = allowed;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            Cloud cloud = (Cloud) ctxt.getAttribute(CLOUD);
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error(p, at, "a " + what + " is a name" + (cloud == null ? ""
                        : " (one of " + cloud.id() + "'s: " + names(allowed.apply(cloud)) + ")") + ", not "
                        + found(p));
            }
            String text = p.getText();
            if (cloud != null) {
                Set<T> names = allowed.apply(cloud);
                if (names.stream().noneMatch(n -> String.valueOf(n).equals(text))) {
                    throw error(p, at, notOneOf(cloud, what, text, names));
                }
            }
            try {
                return make.apply(text);
            } catch (IllegalArgumentException e) {
                throw error(p, at, e.getMessage());
            }
        }

        // A null in a list of names is an error, not a null element.
        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw error(ctxt.getParser(), ctxt.getParser().currentTokenLocation(), "a " + what
                    + " is a name, not null");
        }
    }

    private static final class ResourceDeserializer extends StdDeserializer<Resource> {
        private final transient Clouds clouds;

        ResourceDeserializer(Clouds clouds) {
            super(Resource.class);
            this.clouds = clouds;
        }

        @Override
        public Resource deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error(p, start, "a resource is a JSON object, not " + found(p));
            }
            Object outer = ctxt.getAttribute(CLOUD);
            try {
                return new Reading(p, ctxt, start).read();
            } finally {
                ctxt.setAttribute(CLOUD, outer);
            }
        }

        // A resource that is null is an error where a resource is expected (a list of them, a fixture).
        @Override
        public Resource getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw error(ctxt.getParser(), ctxt.getParser().currentTokenLocation(),
                    "a resource is a JSON object, not null");
        }

        /** The state of reading one resource. */
        private final class Reading {
            private final JsonParser p;
            private final DeserializationContext ctxt;
            private final JsonLocation start;
            private final TypeFactory types;
            private final Map<String, JsonLocation> at = new LinkedHashMap<>();
            private Cloud cloud;
            private String provider;
            private String account;
            private String id;
            private String region;
            private Map<String, String> parents = Map.of();
            private ResourceKind kind;
            private List<Fact> collected = List.of();
            private List<Unknown> unknowns = List.of();
            private List<Grant> grants = List.of();
            private Encryption encryption;
            private Details details;

            Reading(JsonParser p, DeserializationContext ctxt, JsonLocation start) {
                this.p = p;
                this.ctxt = ctxt;
                this.start = start;
                this.types = ctxt.getTypeFactory();
            }

            Resource read() throws IOException {
                ctxt.setAttribute(CLOUD, null);
                Map<String, TokenBuffer> pending = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation loc = p.currentTokenLocation();
                    p.nextToken();
                    if (at.containsKey(name)) {
                        throw prepend(error(p, loc, "duplicate field '" + name + "'"), name);
                    }
                    at.put(name, loc);
                    if (!FIELDS.contains(name)) {
                        throw prepend(error(p, loc, "unknown field '" + name + "' (expected "
                                + String.join(", ", FIELDS) + ")" + (VERSION_1.contains(name)
                                ? "; '" + name + "' belongs to snapshot format 1.0, whose cloud fields moved to"
                                + " 'details' in 2.0" : "")), name);
                    }
                    if (cloud == null && NEED_CLOUD.contains(name)) {
                        pending.put(name, ctxt.bufferAsCopyOfValue(p));
                    } else {
                        field(name, p);
                    }
                }
                if (provider == null) {
                    throw error(p, start, "missing required field 'provider'");
                }
                for (Map.Entry<String, TokenBuffer> e : pending.entrySet()) {
                    try (JsonParser d = e.getValue().asParser(p.getCodec())) {
                        d.nextToken();
                        field(e.getKey(), d);
                    } catch (JsonMappingException x) {
                        throw relocate(x, at.get(e.getKey()));
                    }
                }
                return build();
            }

            private void field(String name, JsonParser in) throws IOException {
                JsonLocation loc = at.get(name);
                try {
                    switch (name) {
                        case "provider" -> {
                            provider = text(in, loc, name, false);
                            Optional<Cloud> found = clouds.find(provider);
                            if (found.isEmpty()) {
                                String lower = provider.toLowerCase(Locale.ROOT);
                                throw error(in, loc, "unknown provider '" + provider + "' (known: "
                                        + String.join(", ", clouds.ids()) + ")"
                                        + (!lower.equals(provider) && clouds.find(lower).isPresent()
                                        ? "; provider ids are lower case: '" + lower + "'" : ""));
                            }
                            cloud = found.get();
                            ctxt.setAttribute(CLOUD, cloud);
                        }
                        case "account" -> account = text(in, loc, name, false);
                        case "id" -> id = text(in, loc, name, false);
                        case "region" -> region = text(in, loc, name, true);
                        case "parents" -> parents = parents(in, loc);
                        case "kind" -> kind = ctxt.readValue(in, ResourceKind.class);
                        case "collected" -> collected = ctxt.readValue(in, list(Fact.class));
                        case "unknowns" -> unknowns = ctxt.readValue(in, list(Unknown.class));
                        case "grants" -> grants = ctxt.readValue(in, list(Grant.class));
                        case "encryption" -> encryption = ctxt.readValue(in, Encryption.class);
                        default -> details = ctxt.readValue(in, cloud.detailsType());
                    }
                } catch (JsonMappingException e) {
                    throw prepend(e, name);
                }
                // Jackson reads a JSON null as a null list; an absent list and a null one mean the same: none.
                if (collected == null || unknowns == null || grants == null) {
                    throw prepend(error(in, loc, "'" + name + "' is a list; leave it out when empty, not null"),
                            name);
                }
            }

            private Map<String, String> parents(JsonParser in, JsonLocation loc) throws IOException {
                if (in.currentToken() != JsonToken.START_OBJECT) {
                    throw error(in, loc, "'parents' is an object of parent kind (" + cloud.id() + " has: "
                            + names(cloud.parentKinds()) + ") to id, not " + found(in));
                }
                Map<String, String> out = new TreeMap<>();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String k = in.currentName();
                    JsonLocation kl = in.currentTokenLocation();
                    in.nextToken();
                    if (out.containsKey(k)) {
                        throw prepend(error(in, kl, "duplicate field '" + k + "'"), k);
                    }
                    if (!cloud.parentKinds().contains(k)) {
                        throw prepend(error(in, kl, notOneOf(cloud, "parent kind", k, cloud.parentKinds())), k);
                    }
                    out.put(k, text(in, kl, k, false));
                }
                return out;
            }

            private Resource build() throws JsonMappingException {
                if (kind == null) {
                    throw error(p, start, "missing required field 'kind'");
                }
                Set<Fact> facts = new TreeSet<>(collected);
                for (int i = 0; i < unknowns.size(); i++) {
                    Fact f = unknowns.get(i).fact();
                    if (!facts.contains(f)) {
                        JsonMappingException e = error(p, at.get("unknowns"), "unknown fact " + f
                                + " is not among the collected facts");
                        e.prependPath(Unknown.class, "fact");
                        e.prependPath(Resource.class, i);
                        throw prepend(e, "unknowns");
                    }
                }
                Resource r;
                try {
                    r = new Resource(provider, account, parents, id, kind, region, facts, unknowns, grants,
                            encryption, details);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw error(p, start, e.getMessage());
                }
                List<String> problems = cloud.problems(r);
                if (!problems.isEmpty()) {
                    JsonMappingException e = error(p, at.getOrDefault("details", start), problems.get(0));
                    throw at.containsKey("details") ? prepend(e, "details") : e;
                }
                return r;
            }

            private JavaType list(Class<?> element) {
                return types.constructCollectionType(ArrayList.class, element);
            }

            /** Moves an error read from a buffer (which has no locations) to the field that held it. */
            private JsonMappingException relocate(JsonMappingException e, JsonLocation loc) {
                if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
                    return e;
                }
                JsonMappingException moved = new JsonMappingException(p, e.getOriginalMessage(), loc);
                if (e.getCause() != null) {
                    moved.initCause(e.getCause());
                }
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
        }

        private static JsonMappingException prepend(JsonMappingException e, String field) {
            e.prependPath(Resource.class, field);
            return e;
        }

        private static String text(JsonParser in, JsonLocation loc, String field, boolean nullable)
                throws IOException {
            if (nullable && in.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw error(in, loc, "'" + field + "' is a string, not " + found(in));
            }
            if (in.getText().isBlank()) {
                throw error(in, loc, "'" + field + "' is empty");
            }
            return in.getText();
        }
    }
}
