package dev.bucketguard.cloud.aws;

import java.util.Objects;

/**
 * One unsigned request sent to a bucket judged PUBLIC or UNKNOWN (SEMANTICS 4, {@code --probe-anonymous}), and its
 * answer. A success proves anonymous access from where the scan ran; a refusal is evidence, never proof of privacy
 * (the bucket may still serve other requests, keys or networks).
 *
 * @param request   what was sent: {@code list (max-keys=1)} or {@code HEAD of key 'k'}; never a GET of an object
 * @param status    the HTTP status answered; 0 when the request got no answer (or could not be sent)
 * @param succeeded true when the anonymous request was served
 * @param note      why no request was sent or what kept it from an answer; null when it was answered
 */
public record AnonymousProbe(String request, int status, boolean succeeded, String note) {
    public AnonymousProbe {
        Objects.requireNonNull(request, "missing required field 'request'");
    }

    /** "an anonymous list (max-keys=1) of bucket 'b' answered 200". */
    public String describe(String bucket) {
        return "an anonymous " + request + " of bucket '" + bucket + "' " + (status == 0
                ? "got no answer" + (note == null ? "" : " (" + note + ")")
                : "answered " + status);
    }
}
