package dev.bucketguard.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bucketguard.spi.Clouds;

/**
 * The one JSON mapping of the model, shared by snapshots, reports and test fixtures: unknown fields, duplicate keys,
 * numbers for enum values and another cloud's vocabulary are errors; nulls and empty collections are left out, keys
 * come in declaration order, and output is byte-for-byte stable.
 */
public final class ModelJson {
    private ModelJson() {
    }

    /** A new mapper that knows the clouds on the class path; callers may keep and share it. */
    public static ObjectMapper mapper() {
        return mapper(Clouds.discover());
    }

    /** A new mapper that reads resources of these clouds only. */
    public static ObjectMapper mapper(Clouds clouds) {
        return JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.NON_EMPTY))
                .addModule(ResourceJson.module(clouds))
                .build();
    }
}
