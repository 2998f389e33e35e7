package dev.bucketguard.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata files beside rules and the compliance mappings, read as plain maps, lists and strings with the YAML
 * parser's tokens alone. Jackson's object mapper, which a tree needs, costs more to start than all of
 * {@code rules list} otherwise does; a duplicate key is an error, as it was.
 */
final class YamlTree {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private YamlTree() {
    }

    /**
     * The top-level mapping of a YAML file named relative to {@code anchor}'s package (as
     * {@link Class#getResource} finds it): from the {@link YamlPack} beside that very file when the pack holds it,
     * else parsed; null when there is no such file.
     */
    static Map<String, Object> read(Class<?> anchor, String resource) throws IOException {
        return read(anchor.getClassLoader(), anchor.getResource(resource));
    }

    /** The same for a file already found ({@code yaml} null when it was not). */
    static Map<String, Object> read(ClassLoader loader, URL yaml) throws IOException {
        if (yaml == null) {
            return null;
        }
        Optional<Map<String, Object>> packed = YamlPack.find(loader, yaml);
        if (packed.isPresent()) {
            return packed.get();
        }
        try (InputStream in = yaml.openStream()) {
            return read(in);
        }
    }

    /** The document's top-level mapping: values are strings (scalars as written), lists, maps or null. */
    static Map<String, Object> read(InputStream in) throws IOException {
        try (JsonParser p = YAML.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Map.of();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("the document is not a mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) value(p);
            return root;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return p.getText();
            }
        }
    }

    /** The map at {@code key}, or an empty one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return m.get(key) instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
    }

    /** The strings of the list at {@code key}, or none. */
    static List<String> strings(Map<String, Object> m, String key) {
        List<String> out = new ArrayList<>();
        if (m.get(key) instanceof List<?> v) {
            v.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    /** The scalar at {@code key}, or null. */
    static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
