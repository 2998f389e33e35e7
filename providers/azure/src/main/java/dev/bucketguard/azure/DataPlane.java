package dev.bucketguard.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobContainerItem;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobServiceProperties;
import com.azure.storage.blob.models.BlobSignedIdentifier;
import com.azure.storage.blob.models.ListBlobContainersOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.PublicAccessType;
import dev.bucketguard.cloud.azure.AnonymousProbe;
import dev.bucketguard.cloud.azure.StoredAccessPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One storage account's blob service through azure-storage-blob, on a pipeline the scanner built. */
final class DataPlane {
    private final BlobServiceClient client;
    private final URI endpoint;
    private final HttpPipeline anonymous;
    private BlobServiceProperties properties;
    private RuntimeException propertiesFailure;

    DataPlane(URI endpoint, HttpPipeline pipeline, HttpPipeline anonymous) {
        this.endpoint = endpoint;
        this.anonymous = anonymous;
        this.client = new BlobServiceClientBuilder().endpoint(endpoint.toString()).pipeline(pipeline).buildClient();
    }

    /** The service properties (website, logging, delete retention), read once; throws what the read threw. */
    synchronized BlobServiceProperties properties() {
        if (properties == null && propertiesFailure == null) {
            try {
                properties = client.getProperties();
            } catch (RuntimeException e) {
                propertiesFailure = e;
            }
        }
        if (propertiesFailure != null) {
            throw propertiesFailure;
        }
        return properties;
    }

    /** Every container with its public access level (null = private), sorted by name. */
    Map<String, PublicAccessType> containers() {
        Map<String, PublicAccessType> out = new TreeMap<>();
        for (BlobContainerItem c : client.listBlobContainers(new ListBlobContainersOptions(), null)) {
            out.put(c.getName(), c.getProperties() == null ? null : c.getProperties().getPublicAccess());
        }
        return out;
    }

    /** The container's stored access policies. */
    List<StoredAccessPolicy> storedPolicies(String container) {
        List<StoredAccessPolicy> out = new ArrayList<>();
        List<BlobSignedIdentifier> ids = client.getBlobContainerClient(container).getAccessPolicy().getIdentifiers();
        if (ids == null) {
            return out;
        }
        for (BlobSignedIdentifier id : ids) {
            var p = id.getAccessPolicy();
            out.add(new StoredAccessPolicy(container, id.getId(),
                    p == null || p.getStartsOn() == null ? null : p.getStartsOn().toString(),
                    p == null || p.getExpiresOn() == null ? null : p.getExpiresOn().toString(),
                    p == null ? "" : p.getPermissions()));
        }
        return out;
    }

    /**
     * The unauthenticated request of SEMANTICS 4 for a container the configuration calls anonymous: a list of at most
     * one blob at Container level, a HEAD of one blob (its name read with the scanner's credential) at Blob level.
     * Never reads a blob's body.
     */
    AnonymousProbe probe(String container, PublicAccessType level) {
        String base = endpoint.toString().replaceAll("/+$", "") + "/" + encode(container);
        if (level == PublicAccessType.CONTAINER) {
            return send(container, "list", HttpMethod.GET, base + "?restype=container&comp=list&maxresults=1");
        }
        String blob;
        try {
            Iterator<BlobItem> items = client.getBlobContainerClient(container)
                    .listBlobs(new ListBlobsOptions().setMaxResultsPerPage(1), null).iterator();
            blob = items.hasNext() ? items.next().getName() : null;
        } catch (RuntimeException e) {
            return new AnonymousProbe(container, "HEAD (no blob name: listing failed with " + ErrorCodes.of(e) + ")",
                    0, false);
        }
        if (blob == null) {
            return new AnonymousProbe(container, "HEAD (the container holds no blob to name)", 0, false);
        }
        return send(container, "HEAD of blob '" + blob + "'", HttpMethod.HEAD, base + "/" + encode(blob));
    }

    private AnonymousProbe send(String container, String what, HttpMethod method, String url) {
        try (HttpResponse r = anonymous.sendSync(new HttpRequest(method, url).setHeader(
                com.azure.core.http.HttpHeaderName.fromString("x-ms-version"), "2021-12-02"), Context.NONE)) {
            int status = r.getStatusCode();
            return new AnonymousProbe(container, what, status, status >= 200 && status < 300);
        } catch (RuntimeException e) {
            return new AnonymousProbe(container, what + " (" + ErrorCodes.of(e) + ")", 0, false);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
