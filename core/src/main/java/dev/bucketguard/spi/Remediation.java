package dev.bucketguard.spi;

/**
 * How to fix a failing finding, three ways.
 *
 * @param console   steps in the cloud console
 * @param cli       the cloud CLI command(s)
 * @param terraform the Terraform to declare the fix
 */
public record Remediation(String console, String cli, String terraform) {
}
