/**
 * JSON snapshots of resources in the core model: what a live scan saves with {@code --save-snapshot}, and what
 * {@code bucketguard scan snapshot FILE} reads back for audits and offline re-scans.
 *
 * <pre>
 * {
 *   "formatVersion": "1.0",
 *   "description": "optional free text",
 *   "resources": [ { "provider": "aws", "account": "111122223333", "id": "bucket", "kind": "BUCKET", ... } ]
 * }
 * </pre>
 */
package dev.bucketguard.snapshot;
