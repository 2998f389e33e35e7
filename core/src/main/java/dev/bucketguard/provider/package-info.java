/**
 * The provider SPI. A provider reads one cloud (or a snapshot file) and maps what it reads onto the core model; no
 * SDK type leaks past it. It fetches only the facts it is asked for, and records every fact it could not read as an
 * {@link dev.bucketguard.model.Unknown} with the call and permission that failed.
 */
package dev.bucketguard.provider;
