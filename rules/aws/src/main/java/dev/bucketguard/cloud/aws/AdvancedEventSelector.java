package dev.bucketguard.cloud.aws;

import java.util.List;

/**
 * A trail's or event data store's advanced event selector: every field selector must match.
 *
 * @param name           its name; may be null
 * @param fieldSelectors its conditions
 */
public record AdvancedEventSelector(String name, List<FieldSelector> fieldSelectors) {
    public AdvancedEventSelector {
        fieldSelectors = fieldSelectors == null ? List.of() : List.copyOf(fieldSelectors);
    }

    /**
     * One field's conditions; every operator given must hold (each lists alternatives).
     *
     * @param field         {@code eventCategory}, {@code resources.type}, {@code readOnly}, {@code eventName},
     *                      {@code resources.ARN}, ...
     * @param equals        the value is one of these
     * @param startsWith    the value starts with one of these
     * @param endsWith      the value ends with one of these
     * @param notEquals     the value is none of these
     * @param notStartsWith the value starts with none of these
     * @param notEndsWith   the value ends with none of these
     */
    public record FieldSelector(String field, List<String> equals, List<String> startsWith, List<String> endsWith,
                                List<String> notEquals, List<String> notStartsWith, List<String> notEndsWith) {
        public FieldSelector {
            equals = equals == null ? List.of() : List.copyOf(equals);
            startsWith = startsWith == null ? List.of() : List.copyOf(startsWith);
            endsWith = endsWith == null ? List.of() : List.copyOf(endsWith);
            notEquals = notEquals == null ? List.of() : List.copyOf(notEquals);
            notStartsWith = notStartsWith == null ? List.of() : List.copyOf(notStartsWith);
            notEndsWith = notEndsWith == null ? List.of() : List.copyOf(notEndsWith);
        }
    }
}
