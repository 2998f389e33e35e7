package dev.bucketguard.example.toy;

import dev.bucketguard.model.Details;

/**
 * What the toy cloud knows about a shelf beyond the envelope.
 *
 * @param locked whether the glass door is locked ({@link ToyCloud#LOCK}); null when not read
 */
public record Shelf(Boolean locked) implements Details {
    public static final Shelf UNREAD = new Shelf(null);
}
