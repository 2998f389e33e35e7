/**
 * JSON snapshots of resources in the core model: what a live scan saves with {@code --save-snapshot}, and what
 * {@code bucketguard scan snapshot FILE} reads back for audits and offline re-scans.
 *
 * <pre>
 * {
 *   "formatVersion": "2.0",
 *   "description": "optional free text",
 *   "resources": [ { "provider": "aws", "account": "111122223333", "id": "bucket", "kind": "BUCKET",
 *                    "collected": [ ... ], "grants": [ ... ], "details": { ... } } ]
 * }
 * </pre>
 *
 * <p>The format is documented for people who write snapshots from their own inventory in
 * {@code docs/snapshot-format.md}, with a JSON Schema in {@code docs/snapshot-schema.json}.
 */
package dev.bucketguard.snapshot;
