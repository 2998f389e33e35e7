/**
 * The built-in rules, one small class each under {@code aws}, {@code azure} and {@code gcp}, with the few pieces
 * they share. Rules are pure functions of a resource and the engine's exposure assessment: they read no SDK, do no
 * I/O, and answer UNKNOWN (naming the missing permission) whenever a fact they need could not be read.
 */
package dev.bucketguard.rules;
