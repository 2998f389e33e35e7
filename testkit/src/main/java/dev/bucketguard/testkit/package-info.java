/**
 * A test kit for rules, for the built-in ones and for anyone who writes their own: rule cases are JSON data run as
 * JUnit 5 dynamic tests with the engine's real exposure verdict. Ships in core's test-jar.
 */
package dev.bucketguard.testkit;
