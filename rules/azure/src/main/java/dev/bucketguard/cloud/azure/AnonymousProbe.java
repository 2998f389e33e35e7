package dev.bucketguard.cloud.azure;

import java.util.Objects;

/**
 * One unauthenticated request sent to a container that the configuration calls anonymous (SEMANTICS 4), and its
 * answer. A success proves anonymous access from where the scan ran; a refusal is evidence, never proof of privacy.
 *
 * @param container the container
 * @param request   what was sent: {@code list} (at Container level) or {@code HEAD 'blob'} (at Blob level)
 * @param status    the HTTP status answered; 0 when the request got no answer
 * @param succeeded true when the anonymous request was served
 */
public record AnonymousProbe(String container, String request, int status, boolean succeeded) {
    public AnonymousProbe {
        Objects.requireNonNull(container, "missing required field 'container'");
        Objects.requireNonNull(request, "missing required field 'request'");
    }

    /** "an anonymous list of container 'x' answered 200". */
    public String describe() {
        return "an anonymous " + request + " of container '" + container + "' answered "
                + (status == 0 ? "nothing" : Integer.toString(status));
    }
}
