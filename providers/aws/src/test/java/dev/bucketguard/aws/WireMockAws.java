package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.model.Fact;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A WireMock server on 127.0.0.1 answering with the documented AWS response shapes, for what no emulator answers
 * (or answers right). Path-style S3, query-protocol STS, JSON KMS, all on one port.
 */
final class WireMockAws implements AutoCloseable {
    static final String ACCOUNT = "111122223333";
    static final String OWNER_ID = "0f6c1d3a9b8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e";

    final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    WireMockAws(String... buckets) {
        server.start();
        server.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(xml(200, """
                        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/auditor</Arn>
                            <UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account></GetCallerIdentityResult>
                          <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
                        </GetCallerIdentityResponse>""")));
        StringBuilder list = new StringBuilder("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Owner><ID>" + OWNER_ID + "</ID></Owner><Buckets>");
        for (String b : buckets) {
            list.append("<Bucket><Name>").append(b).append("</Name><CreationDate>2024-01-01T00:00:00.000Z"
                    + "</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>");
        }
        list.append("</Buckets></ListAllMyBucketsResult>");
        server.stubFor(get(urlPathEqualTo("/")).willReturn(xml(200, list.toString())));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A GET on a bucket sub-resource such as {@code ?acl}. */
    static MappingBuilder bucketGet(String bucket, String subresource) {
        return get(urlPathEqualTo("/" + bucket)).withQueryParam(subresource, matching(".*"));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder s3Error(int status, String code) {
        return xml(status, "<Error><Code>" + code + "</Code><Message>refused</Message>"
                + "<RequestId>R1</RequestId><HostId>H1</HostId></Error>");
    }

    AwsProvider provider() {
        return provider(0);
    }

    /** A provider that also samples up to {@code objectSample} objects' ACLs per bucket. */
    AwsProvider provider(int objectSample) {
        return new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), endpoint(), objectSample, 2),
                MotoFixture.CREDENTIALS, Map.of());
    }

    Inventory scan(AwsProvider provider, Set<Fact> facts) {
        return provider.collect(FactSelection.only(AwsCloud.ID, facts), Progress.NONE);
    }

    @Override
    public void close() {
        server.stop();
    }
}
