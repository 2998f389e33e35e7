/**
 * What a cloud and a rule implement, and the toolkit they share.
 *
 * <ul>
 *   <li>{@link dev.bucketguard.spi.Cloud}: a cloud's id, vocabulary, details type and exposure verdict, found with
 *       {@link java.util.ServiceLoader} ({@code META-INF/services/dev.bucketguard.spi.Cloud}).</li>
 *   <li>{@link dev.bucketguard.spi.Rule}: one small class per check, with a {@link dev.bucketguard.spi.RuleDefinition}
 *       and a YAML file of prose beside it; a pure function of one resource and its verdict. Found with
 *       {@code META-INF/services/dev.bucketguard.spi.Rule}.</li>
 *   <li>{@link dev.bucketguard.spi.Compliance}: framework mappings kept outside the rules.</li>
 * </ul>
 *
 * <p>The verdict toolkit ({@code VerdictBuilder}, {@code Tri}, {@code GrantEffect}, {@code TrustZone}) is in
 * {@code dev.bucketguard.exposure}.
 */
package dev.bucketguard.spi;
