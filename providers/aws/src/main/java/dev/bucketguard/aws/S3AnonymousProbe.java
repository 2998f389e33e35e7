package dev.bucketguard.aws;

import dev.bucketguard.cloud.aws.AnonymousProbe;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The unsigned requests of SEMANTICS 4 ({@code --probe-anonymous}): a list with {@code max-keys=1}; where that is
 * refused, a HEAD of one key listed with the scan's credentials. Never a GET of an object, so no body is ever
 * downloaded. The clients carry no credentials (the SDK signs nothing for anonymous credentials) and are read-only
 * and counted like every other client of the scan.
 */
final class S3AnonymousProbe {
    static final String LIST = "list (max-keys=1)";
    static final String HEAD = "HEAD of one key";

    private final AwsClients anonymous;

    S3AnonymousProbe(AwsClients anonymous) {
        this.anonymous = anonymous;
    }

    /**
     * Probes one bucket.
     *
     * @param signed the account's client, used only to find a key to HEAD when the anonymous list is refused
     */
    List<AnonymousProbe> probe(S3Client signed, String bucket, String region) {
        S3Client s3 = anonymous.s3(region);
        List<AnonymousProbe> out = new ArrayList<>();
        AnonymousProbe list = send(LIST, () -> s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(1)));
        out.add(list);
        if (list.succeeded()) {
            return out;
        }
        String key;
        try {
            key = signed.listObjectsV2(r -> r.bucket(bucket).maxKeys(1)).contents().stream().findFirst()
                    .map(S3Object::key).orElse(null);
        } catch (RuntimeException e) {
            out.add(new AnonymousProbe(HEAD, 0, false, "not sent: no key to try, ListObjectsV2 with the scan's"
                    + " credentials failed with " + ErrorCodes.of(e)));
            return out;
        }
        if (key == null) {
            out.add(new AnonymousProbe(HEAD, 0, false, "not sent: the bucket has no key to try"));
            return out;
        }
        out.add(send("HEAD of key '" + key + "'", () -> s3.headObject(r -> r.bucket(bucket).key(key))));
        return out;
    }

    private static AnonymousProbe send(String request, Runnable call) {
        try {
            call.run();
            return new AnonymousProbe(request, 200, true, null);
        } catch (AwsServiceException e) {
            return new AnonymousProbe(request, e.statusCode(), false, null);
        } catch (RuntimeException e) {
            return new AnonymousProbe(request, 0, false, ErrorCodes.of(e));
        }
    }
}
